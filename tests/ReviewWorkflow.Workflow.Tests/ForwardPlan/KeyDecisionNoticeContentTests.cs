using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.ForwardPlan;

namespace ReviewWorkflow.Workflow.Tests.ForwardPlan;

/// <summary>What a key decision's notice says: regulation 9 of SI 2012/2089 (matter, decision maker, date, documents,
/// where to get them, private or not), plus when it was first published and when it was due.</summary>
public sealed class KeyDecisionNoticeContentTests
{
    private static readonly CouncilSettings Settings = CouncilSettings.Default;
    private static readonly DateOnly Today = new(2027, 1, 10);

    private static KeyDecisionNotice CabinetNotice(DateOnly firstPublished) =>
        ForwardPlanBuilder.Notice(UpcomingKeyDecision.Of(PlanCycles.Pledge(), Today).Single(), firstPublished, null, Settings, Today);

    [Fact]
    public void Notice_has_the_regulation_9_fields()
    {
        var notice = CabinetNotice(new DateOnly(2027, 1, 10));

        Assert.Equal("cic-2027-2", notice.Reference);
        Assert.Equal("Children in Care Pledge 2027-2030", notice.Matter);
        Assert.Equal("Cabinet", notice.DecisionMaker);
        Assert.Equal(PlanCycles.CabinetMeets, notice.DecisionDate);
        Assert.Equal(["Report to Cabinet: Children in Care Pledge 2027-2030", "Children in Care Pledge 2027-2030, draft 1.0 (appendix to the report)"], notice.Documents);
        Assert.Contains("Alex Example (lead@council.example)", notice.DocumentsAvailableFrom, StringComparison.Ordinal);
        Assert.Contains("clerk@council.example", notice.DocumentsAvailableFrom, StringComparison.Ordinal);
        Assert.Contains("other documents relevant to the matter may be submitted", notice.DocumentsAvailableFrom, StringComparison.Ordinal);
        Assert.Equal(ClearDays.LatestPublicationDate(PlanCycles.CabinetMeets, Settings), notice.DocumentsPublishedBy);
        Assert.False(notice.Private);
        Assert.Equal(new DateOnly(2027, 1, 10), notice.FirstPublished);
        Assert.Equal(ClearDays.KeyDecisionNoticeDate(PlanCycles.CabinetMeets, Settings), notice.NoticeDueBy);
        Assert.Equal(NoticeStatus.OnTime, notice.Status);
    }

    [Fact]
    public void Only_key_decisions_still_to_come_on_live_cycles_are_on_the_plan()
    {
        var cycle = PlanCycles.Pledge();

        Assert.Equal([1], UpcomingKeyDecision.Of(cycle, Today).Select(d => d.RouteIndex));
        Assert.Empty(UpcomingKeyDecision.Of(cycle, PlanCycles.CabinetMeets.AddDays(1)));
        Assert.Empty(UpcomingKeyDecision.Of(cycle with { Stage = CycleStage.Closed }, Today));
        Assert.Empty(UpcomingKeyDecision.Of(cycle with { Stage = CycleStage.Adopted }, Today));
        // With Council (index 2) in ratification, Cabinet has decided already.
        Assert.Empty(UpcomingKeyDecision.Of(cycle with { Stage = CycleStage.Ratification, CurrentBodyIndex = 2 }, Today));
        Assert.Single(UpcomingKeyDecision.Of(cycle with { Stage = CycleStage.Ratification, CurrentBodyIndex = 1 }, Today));
    }

    [Fact]
    public void A_deferral_moves_the_decision_date_and_keeps_the_reference()
    {
        var deferred = PlanCycles.Deferred(PlanCycles.Pledge(), 1, new DateOnly(2027, 5, 4));

        var notice = ForwardPlanBuilder.Notice(UpcomingKeyDecision.Of(deferred, Today).Single(), Today, null, Settings, Today);

        Assert.Equal("cic-2027-2", notice.Reference);
        Assert.Equal(new DateOnly(2027, 5, 4), notice.DecisionDate);
    }

    [Fact]
    public void A_late_notice_shows_the_recorded_exception()
    {
        var exception = new KeyDecisionExceptionRecord { Route = ExceptionRoute.SpecialUrgency, Reason = "Ofsted inspection", ChairName = "Cllr Robin Example", ChairAgreedOn = new DateOnly(2027, 4, 14) };

        var late = ForwardPlanBuilder.Notice(UpcomingKeyDecision.Of(PlanCycles.Pledge(), new DateOnly(2027, 4, 14)).Single(), new DateOnly(2027, 4, 14), exception, Settings, new DateOnly(2027, 4, 14));
        var onTime = ForwardPlanBuilder.Notice(UpcomingKeyDecision.Of(PlanCycles.Pledge(), Today).Single(), Today, exception, Settings, Today);

        Assert.Equal(NoticeStatus.SpecialUrgency, late.Status);
        Assert.Same(exception, late.Exception);
        Assert.Equal(NoticeStatus.OnTime, onTime.Status);
        Assert.Null(onTime.Exception);
    }
}
