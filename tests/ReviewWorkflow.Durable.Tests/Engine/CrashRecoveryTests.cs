using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Store.InMemory;
using ReviewWorkflow.Durable.Testing;
using ReviewWorkflow.Durable.Tests.Testing;

namespace ReviewWorkflow.Durable.Tests.Engine;

public sealed class CrashRecoveryTests
{
    private int _runs;

    private async Task<(DurableTestHost Host, FaultyStore Store)> HostAsync()
    {
        FaultyStore? faulty = null;
        var host = await DurableTestHost.StartAsync(
            b => b
                .AddOrchestratorFunc<string, string>("Record", async (ctx, _) =>
                {
                    var receipt = await ctx.CallActivityAsync<string>("RecordDecision", "approved");
                    ctx.SendEvent("audit", "Recorded", receipt);
                    return receipt;
                })
                .AddOrchestratorFunc<string, List<string>>("Audit", async (ctx, _) =>
                {
                    var first = await ctx.WaitForExternalEvent<string>("Recorded");
                    var second = await ctx.WaitForExternalEvent<string>("Recorded", TimeSpan.FromDays(1)).ContinueWithResult();
                    return [first, second];
                })
                .AddActivityFunc<string, string>("RecordDecision", (_, d) => $"{d}#{Interlocked.Increment(ref _runs)}"),
            store: t => faulty = new FaultyStore(new InMemoryDurableStore(t)));
        return (host, faulty!);
    }

    [Fact]
    public async Task Crash_between_commit_and_dispatch_loses_nothing_and_repeats_nothing()
    {
        var (host, store) = await HostAsync();
        await using var _ = host;
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Audit", "x", new StartOrchestrationOptions("audit"));
        await host.RunUntilIdleAsync();

        // The first step that schedules the activity commits, then the process "dies" before dispatching it.
        store.CrashAfterCommit = (id, commit) => id == "cycle" && commit.AddOutbox.Any(o => o.Kind == OutboxKind.Activity);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Record", "x", new StartOrchestrationOptions("cycle"));
        await host.RunUntilIdleAsync();
        Assert.Null(store.CrashAfterCommit);
        Assert.Equal(0, _runs);
        Assert.True((await host.Store.GetInstanceAsync(id))!.HasPendingOutbox);

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        var audit = await host.Client.WaitForInstanceCompletionAsync("audit", getInputsAndOutputs: true);

        Assert.Equal(1, _runs);
        Assert.Equal(1, store.ActivitiesSent);
        Assert.Equal("approved#1", done.ReadOutputAs<string>());
        Assert.Equal(["approved#1", "none"], audit.ReadOutputAs<List<string>>());
        Assert.False((await host.Store.GetInstanceAsync(id))!.HasPendingOutbox);
    }

    [Fact]
    public async Task Crash_after_the_final_commit_still_delivers_the_event_exactly_once()
    {
        var (host, store) = await HostAsync();
        await using var _ = host;
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Audit", "x", new StartOrchestrationOptions("audit"));
        store.CrashAfterCommit = (id, commit) => id == "cycle" && commit.Record.RuntimeStatus == OrchestrationRuntimeStatus.Completed;
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Record", "x", new StartOrchestrationOptions("cycle"));
        await host.RunUntilIdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.GetInstanceAsync("cycle"))!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync("audit"))!.RuntimeStatus);

        var audit = await host.Client.WaitForInstanceCompletionAsync("audit", getInputsAndOutputs: true);

        Assert.Equal(["approved#1", "none"], audit.ReadOutputAs<List<string>>());
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task Redelivered_activity_and_duplicate_results_are_applied_once()
    {
        var (host, _) = await HostAsync();
        await using var __ = host;
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Audit", "x", new StartOrchestrationOptions("audit"));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Record", "x", new StartOrchestrationOptions("cycle"));
        await host.RunUntilIdleAsync();
        var history = await host.Client.GetOrchestrationHistoryAsync(id);

        // The same activity work item delivered again (at-least-once queues) runs again, but its result is ignored.
        var snapshotBefore = await host.Store.ReadInstanceAsync(id);
        var workItem = $"{{\"instanceId\":\"cycle\",\"executionId\":\"{snapshotBefore!.Record.ExecutionId}\",\"taskId\":0,\"name\":\"RecordDecision\",\"input\":\"\\\"approved\\\"\"}}";
        Assert.Equal(Durable.Engine.WorkItemOutcome.Completed, (await host.Worker.ProcessActivityMessageAsync(workItem, 1)).Outcome);
        await host.RunUntilIdleAsync();

        Assert.Equal(2, _runs);
        Assert.Equal(history.Count, (await host.Client.GetOrchestrationHistoryAsync(id)).Count);
        Assert.Equal("approved#1", (await host.Client.GetInstanceAsync(id, true))!.ReadOutputAs<string>());
    }
}

internal static class TaskExtensions
{
    /// <summary>"none" when the wait timed out.</summary>
    public static async Task<string> ContinueWithResult(this Task<string> wait)
    {
        try
        {
            return await wait;
        }
        catch (TaskCanceledException)
        {
            return "none";
        }
    }
}
