using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.ForwardPlan;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.ForwardPlan;

/// <summary>Two Rutland-like cycles started on 14 December 2026 whose key decision nobody looked at until Monday 12 April
/// 2027 (so the notice is first published then): Cabinet on Tuesday 20 April (5 clear days left: either route) and on
/// Friday 16 April (3 clear days left: special urgency only).</summary>
public sealed class ExceptionRouteFixture : IAsyncLifetime
{
    public const string Roomy = "fp-roomy";
    public const string Tight = "fp-tight";

    internal CycleHarness Harness { get; private set; } = null!;

    public ForwardPlanService Plan => Harness.Host.Services.GetRequiredService<ForwardPlanService>();

    public async Task InitializeAsync()
    {
        Harness = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        await Harness.StartRutlandAsync(RutlandLikeCycle.Definition with { Id = Roomy });
        var tight = RutlandLikeCycle.Definition with
        {
            Id = Tight,
            Route = [.. RutlandLikeCycle.Definition.Route.Select((s, i) => i == 1 ? s with { MeetingDate = new DateOnly(2027, 4, 16) } : s)],
        };
        await Harness.StartRutlandAsync(tight);
        Harness.World.Time.SetUtcNow(new DateTimeOffset(2027, 4, 12, 10, 0, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}

public sealed class ExceptionRouteTests(ExceptionRouteFixture fixture) : IClassFixture<ExceptionRouteFixture>
{
    private static readonly Actor Clerk = People.Clerk;

    private async Task<KeyDecisionNotice> CabinetAsync(string cycleId)
    {
        var cycle = await fixture.Harness.ViewAsync(cycleId);
        return (await fixture.Plan.NoticesForAsync([cycle])).Single();
    }

    private async Task<int> ExceptionRowsAsync(string cycleId) =>
        (await fixture.Harness.Audit.ReadAllAsync(cycleId)).Count(e => e.Action == AuditActions.KeyDecisionExceptionRecorded);

    [Fact]
    public async Task A_key_decision_first_published_5_clear_days_ahead_is_late_and_either_route_is_offered()
    {
        var notice = await CabinetAsync(ExceptionRouteFixture.Roomy);

        Assert.Equal(new DateOnly(2027, 4, 12), notice.FirstPublished);
        Assert.Equal(5, notice.ClearDaysNotice);
        // Late (or, when the test below ran first, late with its general exception recorded).
        Assert.Contains(notice.Status, new[] { NoticeStatus.Late, NoticeStatus.GeneralException });
        Assert.True(notice.GeneralExceptionPossible);
    }

    [Fact]
    public async Task General_exception_is_recorded_once_audited_and_on_the_forward_plan()
    {
        var request = new ExceptionRequest { RouteIndex = 1, Route = ExceptionRoute.GeneralException, Reason = "The Ofsted action plan moved the date forward.", ChairName = "Cllr Robin Example" };

        var first = await fixture.Plan.RecordExceptionAsync(ExceptionRouteFixture.Roomy, request, Clerk, "req-1", "exc-roomy-1");
        var retry = await fixture.Plan.RecordExceptionAsync(ExceptionRouteFixture.Roomy, request, Clerk, "req-2", "exc-roomy-1");
        var other = await fixture.Plan.RecordExceptionAsync(ExceptionRouteFixture.Roomy, request with { Reason = "Another" }, Clerk, "req-3", "exc-roomy-2");

        Assert.Equal(CycleResultKind.Accepted, first.Kind);
        Assert.Equal(CycleResultKind.Repeated, retry.Kind);
        Assert.Equal(CycleResultKind.Conflict, other.Kind);
        Assert.Equal(1, await ExceptionRowsAsync(ExceptionRouteFixture.Roomy));
        var audit = (await fixture.Harness.Audit.ReadAllAsync(ExceptionRouteFixture.Roomy)).Single(e => e.Action == AuditActions.KeyDecisionExceptionRecorded);
        Assert.Equal("clerk@council.example", audit.Actor);
        Assert.Equal("Cabinet", audit.Subject);
        Assert.Contains("general-exception", audit.Details, StringComparison.Ordinal);
        Assert.Equal("req-1", audit.RequestId);

        var plan = await fixture.Plan.GetAsync();
        var onPlan = plan.Notices.Single(n => n.CycleId == ExceptionRouteFixture.Roomy);
        Assert.Equal(NoticeStatus.GeneralException, onPlan.Status);
        Assert.Equal("The Ofsted action plan moved the date forward.", onPlan.Exception!.Reason);
    }

    [Fact]
    public async Task With_fewer_than_5_clear_days_only_special_urgency_with_the_chairs_agreement_is_accepted()
    {
        var notice = await CabinetAsync(ExceptionRouteFixture.Tight);
        Assert.False(notice.GeneralExceptionPossible);

        var general = await fixture.Plan.RecordExceptionAsync(ExceptionRouteFixture.Tight,
            new ExceptionRequest { RouteIndex = 1, Route = ExceptionRoute.GeneralException, Reason = "Late report" }, Clerk, "req-4", "exc-tight-1");
        var noChair = await fixture.Plan.RecordExceptionAsync(ExceptionRouteFixture.Tight,
            new ExceptionRequest { RouteIndex = 1, Route = ExceptionRoute.SpecialUrgency, Reason = "Late report" }, Clerk, "req-5", "exc-tight-2");

        Assert.Equal(CycleResultKind.Invalid, general.Kind);
        Assert.Equal(["route"], general.Errors.Select(e => e.Field));
        Assert.Equal(CycleResultKind.Invalid, noChair.Kind);
        Assert.Equal(["chairName", "chairAgreedOn"], noChair.Errors.Select(e => e.Field));
        Assert.Equal(0, await ExceptionRowsAsync(ExceptionRouteFixture.Tight));
        Assert.Equal(NoticeStatus.Late, (await CabinetAsync(ExceptionRouteFixture.Tight)).Status);

        var urgent = await fixture.Plan.RecordExceptionAsync(ExceptionRouteFixture.Tight, new ExceptionRequest
        {
            RouteIndex = 1,
            Route = ExceptionRoute.SpecialUrgency,
            Reason = "Late report",
            ChairName = "Cllr Robin Example",
            ChairAgreedOn = new DateOnly(2027, 4, 12),
        }, Clerk, "req-6", "exc-tight-3");

        Assert.Equal(CycleResultKind.Accepted, urgent.Kind);
        var recorded = await CabinetAsync(ExceptionRouteFixture.Tight);
        Assert.Equal(NoticeStatus.SpecialUrgency, recorded.Status);
        Assert.Equal("Cllr Robin Example", recorded.Exception!.ChairName);
    }

    [Fact]
    public async Task The_first_published_date_is_kept_on_later_reads()
    {
        var first = await CabinetAsync(ExceptionRouteFixture.Roomy);
        fixture.Harness.World.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await CabinetAsync(ExceptionRouteFixture.Roomy);

        Assert.Equal(new DateOnly(2027, 4, 12), first.FirstPublished);
        Assert.Equal(first.FirstPublished, again.FirstPublished);
    }
}
