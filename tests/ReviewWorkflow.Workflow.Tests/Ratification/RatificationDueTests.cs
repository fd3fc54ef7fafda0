using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using static ReviewWorkflow.Workflow.Tests.Ratification.RatificationSetup;

namespace ReviewWorkflow.Workflow.Tests.Ratification;

/// <summary>What falls due while the report is with a body: publication reminders, the escalation of a decision not
/// recorded after the meeting (weekly), and the deadline shown.</summary>
public class RatificationDueTests
{
    [Fact]
    public void The_panels_publication_reminder_goes_to_lead_and_clerk_on_its_day()
    {
        var stage = Stage(SendAt(3, 12));
        var (_, notices) = Walk(stage, stage.Start(), SendAt(3, 12), SendAt(3, 17));

        var publication = notices.Where(n => n.Kind == NoticeKind.PublicationReminder && n.Body == Panel).ToList();
        Assert.Equal(["lead@council.example", "clerk@council.example"], publication.Select(n => n.To.Email));
        Assert.All(publication, n => Assert.Equal(D(3, 18), n.DueDate));
    }

    [Fact]
    public void A_decision_not_recorded_is_escalated_to_clerk_and_lead_the_working_day_after_the_meeting_then_weekly()
    {
        var stage = Stage(SendAt(3, 12));
        var (state, before) = Walk(stage, stage.Start(), SendAt(3, 12), SendAt(3, 30));
        Assert.DoesNotContain(before, n => n.Kind == NoticeKind.DecisionDue);

        var (later, notices) = Walk(stage, state, SendAt(3, 30), SendAt(3, 31));
        var due = notices.Where(n => n.Kind == NoticeKind.DecisionDue).ToList();
        Assert.Equal(["clerk@council.example", "lead@council.example"], due.Select(n => n.To.Email));
        Assert.Equal(["decision-due/0/2027-03-30/cic-2027", "decision-due/0/2027-03-30/cic-2027/lead"], due.Select(n => n.IdempotencyKey));

        var again = stage.Due(later, SendAt(3, 31));
        Assert.Empty(again.Effects);
        Assert.Equal(SendAt(4, 7), again.Next);
        var (_, week) = Walk(stage, later, SendAt(3, 31), SendAt(4, 7));
        Assert.Equal("decision-due/0/2027-03-30/week-1/cic-2027", week.First(n => n.Kind == NoticeKind.DecisionDue).IdempotencyKey);
    }

    [Fact]
    public void The_deadline_shown_moves_from_publication_to_the_meeting_to_an_overdue_decision()
    {
        var stage = Stage(SendAt(3, 12));
        var state = stage.Start();

        Assert.Equal("Publish the report for Corporate Parenting Panel (30 March 2027)", stage.Shown(state, SendAt(3, 12)).NextDeadline?.What);
        Assert.Equal("Corporate Parenting Panel meets", stage.Shown(state, SendAt(3, 25)).NextDeadline?.What);
        var overdue = stage.Shown(state, SendAt(3, 31)).NextDeadline;
        Assert.Equal("Record Corporate Parenting Panel's decision (it met on 30 March 2027)", overdue?.What);
        Assert.True(overdue?.Overdue);
    }
}
