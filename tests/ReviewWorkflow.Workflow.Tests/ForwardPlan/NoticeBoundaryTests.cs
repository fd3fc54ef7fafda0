using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.ForwardPlan;

namespace ReviewWorkflow.Workflow.Tests.ForwardPlan;

/// <summary>The 28-clear-day boundary, across a weekend-heavy Christmas (bank holidays Friday 25 December 2026, Monday
/// 28 December 2026 for Boxing Day, Friday 1 January 2027), for a Cabinet on Thursday 14 January 2027.</summary>
public sealed class NoticeBoundaryTests
{
    private static readonly DateOnly Meeting = new(2027, 1, 14);

    [Fact]
    public void By_default_weekends_and_bank_holidays_are_not_clear_days()
    {
        var settings = CouncilSettings.Default;

        // Counted by hand: 2 December 2026 to 13 January 2027 has 30 weekdays, less 3 bank holidays = 27.
        Assert.Equal(28, ClearDays.CountClearDays(new DateOnly(2026, 12, 1), Meeting, settings));
        Assert.True(KeyDecisionTiming.NoticeInTime(new DateOnly(2026, 12, 1), Meeting, settings));
        Assert.Equal(27, ClearDays.CountClearDays(new DateOnly(2026, 12, 2), Meeting, settings));
        Assert.False(KeyDecisionTiming.NoticeInTime(new DateOnly(2026, 12, 2), Meeting, settings));
        Assert.Equal(new DateOnly(2026, 12, 1), ClearDays.KeyDecisionNoticeDate(Meeting, settings));
    }

    [Fact]
    public void When_the_council_counts_every_day_the_boundary_is_28_calendar_days()
    {
        var settings = CouncilSettings.Default with { WeekendsCount = true, BankHolidaysCount = true };

        Assert.True(KeyDecisionTiming.NoticeInTime(new DateOnly(2026, 12, 16), Meeting, settings));
        Assert.False(KeyDecisionTiming.NoticeInTime(new DateOnly(2026, 12, 17), Meeting, settings));
    }

    [Fact]
    public void The_notice_status_flips_to_late_one_working_day_after_the_deadline()
    {
        var cycle = PlanCycles.Pledge() with { Route = [new() { Body = "Cabinet", MeetingDate = Meeting, KeyDecision = true }] };
        var decision = UpcomingKeyDecision.Of(cycle, new DateOnly(2026, 11, 1)).Single();

        Assert.Equal(NoticeStatus.OnTime, ForwardPlanBuilder.Notice(decision, new DateOnly(2026, 12, 1), null, CouncilSettings.Default, new DateOnly(2026, 12, 1)).Status);
        Assert.Equal(NoticeStatus.Late, ForwardPlanBuilder.Notice(decision, new DateOnly(2026, 12, 2), null, CouncilSettings.Default, new DateOnly(2026, 12, 2)).Status);
    }

    [Fact]
    public void A_general_exception_needs_5_clear_days_left()
    {
        var settings = CouncilSettings.Default;

        // Wednesday 6 January 2027: 7, 8, 11, 12, 13 January are 5 clear days; Thursday 7 January leaves 4.
        Assert.True(KeyDecisionTiming.GeneralExceptionPossible(new DateOnly(2027, 1, 6), Meeting, settings));
        Assert.False(KeyDecisionTiming.GeneralExceptionPossible(new DateOnly(2027, 1, 7), Meeting, settings));
    }
}
