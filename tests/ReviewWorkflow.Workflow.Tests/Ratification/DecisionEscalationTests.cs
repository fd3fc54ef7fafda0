using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Ratification;

namespace ReviewWorkflow.Workflow.Tests.Ratification;

/// <summary>The weekly escalation of a decision not recorded after its meeting (Panel on Tuesday 30 March 2027).</summary>
public sealed class DecisionEscalationTests
{
    private static readonly CouncilSettings Settings = CouncilSettings.Default;

    private static readonly DateOnly Meeting = new(2027, 3, 30);

    private static DateTime At(int month, int day, int hour = 12) => new(2027, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_first_escalation_is_the_working_day_after_the_meeting_then_weekly()
    {
        Assert.Equal(new DateOnly(2027, 3, 31), DecisionEscalation.Day(Meeting, 0, Settings));
        Assert.Equal(new DateOnly(2027, 4, 7), DecisionEscalation.Day(Meeting, 1, Settings));
        Assert.Equal(new DateOnly(2027, 4, 14), DecisionEscalation.Day(Meeting, 2, Settings));
    }

    [Fact]
    public void A_weekly_day_on_a_bank_holiday_moves_to_the_next_working_day()
    {
        // Thursday 24 December 2026 meeting: first escalation Tuesday 29 December (Christmas and Boxing Day substitutes),
        // a week on Tuesday 5 January 2027.
        var christmas = new DateOnly(2026, 12, 24);
        Assert.Equal(new DateOnly(2026, 12, 29), DecisionEscalation.Day(christmas, 0, Settings));
        Assert.Equal(new DateOnly(2027, 1, 5), DecisionEscalation.Day(christmas, 1, Settings));
    }

    [Fact]
    public void Each_week_is_due_once_and_the_next_is_a_week_later()
    {
        Assert.Null(DecisionEscalation.DueNow(0, Meeting, [], At(3, 30, 18), Settings));
        Assert.Equal(0, DecisionEscalation.DueNow(0, Meeting, [], At(3, 31), Settings));
        Assert.Null(DecisionEscalation.DueNow(0, Meeting, [DecisionEscalation.Key(0, Meeting, 0)], At(4, 2), Settings));
        Assert.Equal(CouncilTime.SendAt(new DateOnly(2027, 4, 7), Settings), DecisionEscalation.Next(Meeting, At(4, 2), Settings));
        Assert.Equal(1, DecisionEscalation.DueNow(0, Meeting, [DecisionEscalation.Key(0, Meeting, 0)], At(4, 7), Settings));
    }

    [Fact]
    public void After_a_jump_of_weeks_only_the_latest_escalation_is_due()
    {
        Assert.Equal(3, DecisionEscalation.DueNow(0, Meeting, [], At(4, 22), Settings));
        Assert.Equal(CouncilTime.SendAt(new DateOnly(2027, 4, 28), Settings), DecisionEscalation.Next(Meeting, At(4, 22), Settings));
    }

    [Fact]
    public void Week_zero_keeps_the_original_nudge_key()
    {
        Assert.Equal("decision-due/0/2027-03-30", DecisionEscalation.Key(0, Meeting, 0));
        Assert.Equal("decision-due/0/2027-03-30/week-2", DecisionEscalation.Key(0, Meeting, 2));
    }
}
