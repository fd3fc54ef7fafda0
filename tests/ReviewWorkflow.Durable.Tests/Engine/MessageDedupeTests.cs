using ReviewWorkflow.Durable.Engine;
using ReviewWorkflow.Durable.History;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Testing;

namespace ReviewWorkflow.Durable.Tests.Engine;

public sealed class MessageDedupeTests
{
    private static Task<DurableTestHost> HostAsync() => DurableTestHost.StartAsync(b => b
        .AddOrchestratorFunc<string, string>("Two", async (ctx, _) =>
        {
            var a = await ctx.CallActivityAsync<string>("Echo", "a");
            var e = await ctx.WaitForExternalEvent<string>("Go");
            return $"{a}{e}";
        })
        .AddActivityFunc<string, string>("Echo", (_, s) => s));

    private static InboxRecord Inbox(string messageId, HistoryEvent e) => EngineJson.ToInbox(messageId, e);

    [Fact]
    public async Task Duplicate_message_ids_late_results_and_unknown_tasks_are_ignored()
    {
        await using var host = await HostAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Two", "x");
        await host.RunUntilIdleAsync();
        var exec = (await host.Store.GetInstanceAsync(id))!.ExecutionId;
        var historyBefore = await host.Client.GetOrchestrationHistoryAsync(id);

        // A second result for task 0 (already completed), a result for a task never scheduled, a timer that does not
        // exist, a result for an earlier execution, and a start message again.
        Assert.True(await host.Store.TryAppendInboxAsync(id, Inbox("late-1", new TaskCompleted(0, "\"dup\"") { ExecutionId = exec })));
        Assert.True(await host.Store.TryAppendInboxAsync(id, Inbox("late-2", new TaskCompleted(7, "\"ghost\"") { ExecutionId = exec })));
        Assert.True(await host.Store.TryAppendInboxAsync(id, Inbox("late-3", new TimerFired(3, host.Time.GetUtcNow()) { ExecutionId = exec })));
        Assert.True(await host.Store.TryAppendInboxAsync(id, Inbox("late-4", new EventRaised("Go", "\"old\"") { ExecutionId = "previous-execution" })));
        Assert.True(await host.Store.TryAppendInboxAsync(id, Inbox("late-5", new ExecutionStarted("Two", null, "\"again\"") { ExecutionId = exec })));
        await host.Store.SendWakeupAsync(id, TimeSpan.Zero);
        await host.RunUntilIdleAsync();

        var snapshot = await host.Store.ReadInstanceAsync(id);
        Assert.Empty(snapshot!.Inbox);
        Assert.Equal(OrchestrationRuntimeStatus.Running, snapshot.Record.RuntimeStatus);
        Assert.Equal(historyBefore.Count, snapshot.History.Count);

        // The same event message delivered twice (retried sender) counts once.
        var go = Inbox("event-1", new EventRaised("Go", "\"!\""));
        Assert.True(await host.Store.TryAppendInboxAsync(id, go));
        await host.Store.SendWakeupAsync(id, TimeSpan.Zero);
        await host.RunUntilIdleAsync();
        Assert.True(await host.Store.TryAppendInboxAsync(id, go));
        await host.Store.SendWakeupAsync(id, TimeSpan.Zero);
        await host.RunUntilIdleAsync();

        var done = await host.Client.GetInstanceAsync(id, true);
        Assert.Equal("a!", done!.ReadOutputAs<string>());
        Assert.Empty((await host.Store.ReadInstanceAsync(id))!.Inbox);
    }

    [Fact]
    public async Task Messages_for_finished_instances_are_dropped_and_the_instance_stays_queryable()
    {
        await using var host = await HostAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Two", "x");
        await host.RunUntilIdleAsync();
        await host.Client.TerminateInstanceAsync(id, "cancelled by lead");
        await host.RunUntilIdleAsync();
        await host.Client.RaiseEventAsync(id, "Go", "too late");
        await host.RunUntilIdleAsync();

        var snapshot = await host.Store.ReadInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, snapshot!.Record.RuntimeStatus);
        Assert.Empty(snapshot.Inbox);
        Assert.DoesNotContain(snapshot.History, h => h.EventType == nameof(EventRaised));
        var metadata = await host.Client.GetInstanceAsync(id, true);
        Assert.Equal("cancelled by lead", metadata!.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Wakeups_for_one_instance_in_a_batch_run_one_step()
    {
        await using var host = await HostAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Two", "x");
        for (var i = 0; i < 5; i++)
        {
            await host.Store.SendWakeupAsync(id, TimeSpan.Zero);
        }

        var leases = await host.Store.ReceiveAsync(WorkItemKind.Orchestration, 32, TimeSpan.FromMinutes(1));
        Assert.Equal(6, leases.Count);
        Assert.Single(DurableWorker.GroupByInstance(leases));
        await host.Worker.ProcessOrchestrationLeasesAsync(leases);

        Assert.Equal(0, await host.Store.GetBacklogAsync(WorkItemKind.Orchestration));
        // One step; its dispatched activity is removed from the outbox by the next step's commit, not by a second one.
        Assert.Equal(1, (await host.Store.GetInstanceAsync(id))!.StepCount);
    }
}
