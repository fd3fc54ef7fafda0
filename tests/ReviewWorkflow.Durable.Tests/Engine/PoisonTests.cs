using ReviewWorkflow.Durable.Engine;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Store.InMemory;
using ReviewWorkflow.Durable.Testing;
using ReviewWorkflow.Durable.Tests.Testing;

namespace ReviewWorkflow.Durable.Tests.Engine;

public sealed class PoisonTests
{
    [Fact]
    public async Task Work_item_failing_max_dequeue_count_times_is_set_aside_never_dropped()
    {
        var runs = 0;
        await using var host = await DurableTestHost.StartAsync(
            b => b
                .AddOrchestratorFunc<string, string>("One", async (ctx, _) => await ctx.CallActivityAsync<string>("Work"))
                .AddActivityFunc<object?, string>("Work", (_, _) => $"run {++runs}")
                .Configure(o => o.MaxDequeueCount = 4),
            store: t => new FaultyStore(new InMemoryDurableStore(t)) { FailAppend = (_, m) => m.EventType == "TaskCompleted" });
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("One", "x");
        host.UseSweep = false;

        await host.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(4, runs);
        var poison = Assert.Single(await host.Store.GetPoisonAsync(10));
        Assert.Equal(WorkItemKind.Activity, poison.Kind);
        Assert.Equal(4, poison.DequeueCount);
        Assert.Contains("Simulated storage failure", poison.Reason);
        Assert.Contains(id, poison.MessageText);
        Assert.Equal(0, await host.Store.GetBacklogAsync(WorkItemKind.Activity));
    }

    [Fact]
    public async Task Malformed_messages_are_set_aside_at_once()
    {
        await using var host = await DurableTestHost.StartAsync(_ => { });
        await host.Store.SendActivityAsync("this is not json");
        await host.Store.SendWakeupAsync("{\"noInstance\":true}", TimeSpan.Zero);
        await host.RunUntilIdleAsync();

        var poison = await host.Store.GetPoisonAsync(10);
        Assert.Equal(2, poison.Count);
        Assert.All(poison, p => Assert.Equal(1, p.DequeueCount));
        Assert.Contains(poison, p => p.Reason.StartsWith("Malformed activity", StringComparison.Ordinal));
        Assert.Contains(poison, p => p.Reason.StartsWith("Malformed wake-up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Per_message_entry_points_report_outcomes_for_a_queue_trigger()
    {
        await using var host = await DurableTestHost.StartAsync(
            b => b.AddOrchestratorFunc<string, string>("One", (_, s) => Task.FromResult(s)),
            store: t => new FaultyStore(new InMemoryDurableStore(t)) { CrashAfterCommit = (_, _) => true });
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("One", "x");

        var retry = await host.Worker.ProcessOrchestrationMessageAsync(id, dequeueCount: 1);
        Assert.Equal(WorkItemOutcome.Retry, retry.Outcome);
        Assert.True(retry.RetryAfter > TimeSpan.Zero);

        var ok = await host.Worker.ProcessOrchestrationMessageAsync($"{{\"instanceId\":\"{id}\"}}", dequeueCount: 2);
        Assert.Equal(WorkItemOutcome.Completed, ok.Outcome);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Equal(WorkItemOutcome.Completed, (await host.Worker.ProcessOrchestrationMessageAsync("no-such-instance", 1)).Outcome);
    }
}
