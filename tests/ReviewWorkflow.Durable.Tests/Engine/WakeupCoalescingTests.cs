using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Testing;

namespace ReviewWorkflow.Durable.Tests.Engine;

public sealed class WakeupCoalescingTests
{
    [Fact]
    public async Task Results_appended_while_a_wakeup_is_pending_send_no_more_wakeups_and_are_all_applied_by_its_step()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<int, int>("Three", async (ctx, _) =>
                (await Task.WhenAll(Enumerable.Range(1, 3).Select(i => ctx.CallActivityAsync<int>("Id", i)))).Sum())
            .AddActivityFunc<int, int>("Id", (_, i) => i));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Three", 0);
        var start = await host.Store.ReceiveAsync(WorkItemKind.Orchestration, 32, TimeSpan.FromMinutes(1));
        await host.Worker.ProcessOrchestrationLeasesAsync(start);

        // Run the three activities; only the first result sends a wake-up, the others ride on it.
        var activities = await host.Store.ReceiveAsync(WorkItemKind.Activity, 32, TimeSpan.FromMinutes(1));
        Assert.Equal(3, activities.Count);
        foreach (var lease in activities)
        {
            await host.Worker.ProcessLeaseAsync(lease);
        }

        Assert.Equal(1, await host.Store.GetBacklogAsync(WorkItemKind.Orchestration));
        Assert.Equal(3, (await host.Store.ReadInstanceAsync(id))!.Inbox.Count);

        // That one wake-up's step applies all three results.
        Assert.Equal(1, await host.RunUntilIdleAsync());
        var done = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal(6, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task A_result_appended_after_the_wakeup_was_consumed_sends_a_new_one()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<int, int>("Two", async (ctx, _) =>
                await ctx.CallActivityAsync<int>("Id", 1) + await ctx.CallActivityAsync<int>("Id", 2))
            .AddActivityFunc<int, int>("Id", (_, i) => i));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Two", 0);

        // No sweep, no clock: the second result is only applied if the first wake-up's step released the coalescing.
        await host.RunUntilIdleAsync();

        var done = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal(3, done.ReadOutputAs<int>());
    }
}
