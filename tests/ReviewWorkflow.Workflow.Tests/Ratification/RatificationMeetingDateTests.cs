using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using static ReviewWorkflow.Workflow.Tests.Ratification.RatificationSetup;

namespace ReviewWorkflow.Workflow.Tests.Ratification;

/// <summary>The clerk moves a meeting on the route: recorded as rescheduled, refused when it would not fit.</summary>
public class RatificationMeetingDateTests
{
    private static WorkflowCommand Move(string body, DateOnly to, string id = "move-1") =>
        new() { Id = id, Kind = CommandKind.SetMeetingDate, Actor = "clerk@council.example", Body = body, Date = to };

    [Fact]
    public void A_later_bodys_meeting_moves_and_is_audited_as_rescheduled_alone()
    {
        var stage = Stage(SendAt(3, 12));
        var step = Apply(stage, stage.Start(), Move("Cabinet", D(4, 27)), SendAt(3, 15));

        var audit = Assert.IsType<RecordAudit>(Assert.Single(step.Effects));
        Assert.Equal((AuditActions.MeetingRescheduled, "Cabinet", "rescheduled/ratification-1/move-1"), (audit.Action, audit.Subject, audit.Key));
        Assert.Equal(("2027-04-20", "2027-04-27"), (audit.Details!["from"], audit.Details["to"]));
        Assert.Equal(D(4, 27), step.State.Route[1].MeetingDate);
        Assert.Equal(0, step.State.Index);
    }

    [Fact]
    public void A_meeting_date_not_after_today_is_refused_and_the_route_is_unchanged()
    {
        var stage = Stage(SendAt(3, 12));
        var step = Apply(stage, stage.Start(), Move(Panel, D(3, 15)), SendAt(3, 15));

        var refusal = Assert.IsType<RecordRefusal>(Assert.Single(step.Effects));
        Assert.Equal("The new meeting date (15 March 2027) must be after today (15 March 2027).", refusal.Reason);
        Assert.Equal(D(3, 30), step.State.Route[0].MeetingDate);
    }

    [Fact]
    public void A_body_not_on_the_route_is_refused_naming_those_that_can_move()
    {
        var stage = Stage(SendAt(3, 12));
        var step = Apply(stage, stage.Start(), Move("Scrutiny", D(4, 1)), SendAt(3, 15));

        Assert.Equal("The report is with Corporate Parenting Panel; you can set the meeting date of Corporate Parenting Panel, Cabinet, Council, not Scrutiny.",
            Assert.IsType<RecordRefusal>(Assert.Single(step.Effects)).Reason);
    }
}
