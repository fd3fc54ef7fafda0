using ReviewWorkflow.Workflow.Calendar;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Tests.ForwardPlan;

namespace ReviewWorkflow.Workflow.Tests.Calendar;

public sealed class CalendarFeedTests
{
    private static readonly CouncilSettings Settings = CouncilSettings.Default;
    private static readonly DateTimeOffset Stamp = new(2027, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static string Feed(CycleView cycle, bool publicOnly = false) =>
        CalendarFeed.Write(CycleCalendarItems.For(cycle, Settings).Where(i => !publicOnly || i.Public), cycle.Title, Stamp);

    [Fact]
    public void Feed_holds_meetings_deadlines_and_consultation_dates_with_stable_uids()
    {
        var rows = FeedText.Parse(Feed(PlanCycles.Pledge()));

        Assert.Equal(
        [
            "cic-2027-consultation-closes@reviewworkflow",
            "cic-2027-consultation-opens@reviewworkflow",
            "cic-2027-key-decision-notice-1@reviewworkflow",
            "cic-2027-meeting-0@reviewworkflow",
            "cic-2027-meeting-1@reviewworkflow",
            "cic-2027-meeting-2@reviewworkflow",
            "cic-2027-report-publication-0@reviewworkflow",
            "cic-2027-report-publication-1@reviewworkflow",
            "cic-2027-report-publication-2@reviewworkflow",
        ], rows.Select(r => r.Uid));
        // Cabinet at 18:30 London time in April (BST) is 17:30 UTC; a meeting without a time is an all-day event.
        Assert.Equal("2027-04-20T17:30:00Z", rows.Single(r => r.Uid == "cic-2027-meeting-1@reviewworkflow").Start);
        Assert.Equal("2027-03-30", rows.Single(r => r.Uid == "cic-2027-meeting-0@reviewworkflow").Start);
        Assert.Equal("2027-03-08", rows.Single(r => r.Uid == "cic-2027-key-decision-notice-1@reviewworkflow").Start);
        Assert.Equal("Cabinet: Children in Care Pledge 2027-2030", rows.Single(r => r.Uid == "cic-2027-meeting-1@reviewworkflow").Summary);
    }

    [Fact]
    public void A_deferral_moves_the_event_instead_of_adding_one()
    {
        var before = FeedText.Parse(Feed(PlanCycles.Pledge()));
        var after = FeedText.Parse(Feed(PlanCycles.Deferred(PlanCycles.Pledge(), 1, new DateOnly(2027, 5, 4))));

        Assert.Equal(before.Select(r => r.Uid), after.Select(r => r.Uid));
        var changed = before.Zip(after).Where(p => p.First != p.Second).Select(p => p.Second).ToList();
        // Cabinet's meeting, its report deadline and its notice deadline move; nothing else changes.
        Assert.Equal(["cic-2027-key-decision-notice-1@reviewworkflow", "cic-2027-meeting-1@reviewworkflow", "cic-2027-report-publication-1@reviewworkflow"], changed.Select(r => r.Uid));
        Assert.Equal("2027-05-04T17:30:00Z", changed.Single(r => r.Uid == "cic-2027-meeting-1@reviewworkflow").Start);
    }

    [Fact]
    public void The_public_feed_has_only_the_committee_meetings()
    {
        var rows = FeedText.Parse(Feed(PlanCycles.Pledge(), publicOnly: true));

        Assert.Equal(["cic-2027-meeting-0@reviewworkflow", "cic-2027-meeting-1@reviewworkflow", "cic-2027-meeting-2@reviewworkflow"], rows.Select(r => r.Uid));
    }

    [Fact]
    public void A_closed_cycle_cancels_the_meetings_that_did_not_decide()
    {
        var closed = PlanCycles.Pledge(stage: CycleStage.Closed) with
        {
            Decisions = [new DecisionSummary("Corporate Parenting Panel", PlanCycles.PanelMeets, ReviewWorkflow.Workflow.Domain.DecisionOutcome.Endorse, "CPP/1", null, null)],
        };

        var rows = FeedText.Parse(Feed(closed));

        Assert.Equal("CONFIRMED", rows.Single(r => r.Uid == "cic-2027-meeting-0@reviewworkflow").Status);
        Assert.Equal("CANCELLED", rows.Single(r => r.Uid == "cic-2027-meeting-1@reviewworkflow").Status);
        Assert.Equal("CANCELLED", rows.Single(r => r.Uid == "cic-2027-meeting-2@reviewworkflow").Status);
    }
}
