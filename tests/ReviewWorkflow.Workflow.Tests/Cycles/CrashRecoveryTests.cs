using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Tests.Fixtures;
using static ReviewWorkflow.Workflow.Domain.DecisionOutcome;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>
/// The worker crashes mid-cycle (<c>RestartWorkerAsync</c>: the engine's state is what the task hub's storage holds) and
/// starts again: each cycle reaches the same end state, and no decision, audit row or email is applied twice.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const string Panel = "Corporate Parenting Panel";

    [Fact]
    public async Task A_crash_after_a_decision_is_recorded_applies_it_once_and_the_cycle_goes_on_to_adoption()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.ToRatificationAsync(id);
        await h.AdvanceToAsync(2027, 3, 30, 18);
        await h.Service.RecordDecisionAsync(id, CycleSteps.Decision(Panel, new(2027, 3, 30), Endorse), People.Clerk, "req-d1", "decision-1").OkAsync();

        await h.Host.RestartWorkerAsync();
        await h.Host.RunUntilIdleAsync();
        Assert.Equal("Cabinet", (await h.ViewAsync(id)).CurrentBody);
        await h.AdvanceToAsync(2027, 4, 20, 18);
        await h.Service.RecordDecisionAsync(id, CycleSteps.Decision("Cabinet", new(2027, 4, 20), Recommend), People.Clerk, "req-d2", "decision-2").OkAsync();
        await h.AdvanceToAsync(2027, 5, 10, 18);
        await h.Service.RecordDecisionAsync(id, CycleSteps.Decision("Council", new(2027, 5, 10), Adopt), People.Clerk, "req-d3", "decision-3").OkAsync();
        await h.Host.RunUntilIdleAsync();

        var view = await h.ViewAsync(id);
        Assert.Equal(CycleStage.Adopted, view.Stage);
        Assert.Equal([Panel, "Cabinet", "Council"], view.Decisions.Select(d => d.Body));
        var audit = await h.Audit.ReadAllAsync(id);
        Assert.Equal(3, audit.Count(e => e.Action == AuditActions.DecisionRecorded));
        Assert.Equal(2, audit.Count(e => e.Action == AuditActions.RouteAdvanced));
        Assert.Single(audit, e => e.Action == AuditActions.Adopted);
        Assert.All(h.Sent.GroupBy(s => s.Key), g => Assert.Single(g));
        Assert.True((await h.Audit.VerifyAsync(id)).Valid);
    }

    [Fact]
    public async Task A_crash_while_the_requests_activity_is_in_flight_sends_each_consultee_one_request()
    {
        var gate = new GatedSender("consultation-request/");
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start), gate.Wrap);
        var id = await h.StartRutlandAsync();
        await h.Host.RunUntilIdleAsync(); // the consultation has asked to be woken on its opening day
        h.World.Time.SetUtcNow(new DateTimeOffset(2027, 1, 4, 12, 0, 0, TimeSpan.Zero));
        await h.Host.SweepAsync();
        await gate.Reached.WaitAsync(TimeSpan.FromMinutes(2));

        await h.Host.RestartWorkerAsync();
        gate.Open();
        await h.Host.RunUntilIdleAsync();

        var requests = h.Sent.Where(s => s.Category == "consultation-request").ToList();
        Assert.Equal(12, requests.Count);
        Assert.Equal(12, requests.Select(r => r.To).Distinct().Count());
        Assert.Equal(12, (await h.ViewAsync(id)).Counts.RequestsSent);
        Assert.Equal(12, (await h.Audit.ReadAllAsync(id)).Count(e => e.Action == AuditActions.RequestSent));
    }

    [Fact]
    public async Task A_crash_while_a_wake_up_is_due_but_not_yet_raised_sends_the_reminder_once_after_the_restart()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.AdvanceToAsync(2027, 2, 1);
        Assert.DoesNotContain(h.Sent, s => s.Category == "consultation-reminder");

        // The first reminder (7 days before the 12 February close) is due; the clock passes it, then the worker dies.
        h.World.Time.SetUtcNow(new DateTimeOffset(2027, 2, 5, 12, 0, 0, TimeSpan.Zero));
        await h.Host.RestartWorkerAsync();
        await h.Host.SweepAsync();
        await h.Host.RunUntilIdleAsync();
        await h.Host.SweepAsync();
        await h.Host.RunUntilIdleAsync();

        Assert.Equal(12, h.Sent.Count(s => s.Category == "consultation-reminder"));
        Assert.All(h.Sent.GroupBy(s => s.Key), g => Assert.Single(g));
        Assert.Equal(CycleStage.Consultation, (await h.ViewAsync(id)).Stage);
    }
}
