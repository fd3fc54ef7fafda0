using ReviewWorkflow.Durable.Testing;

namespace ReviewWorkflow.Durable.Tests.Orchestrations;

public sealed class ContinueAsNewTests
{
    [Fact]
    public async Task ContinueAsNew_restarts_with_new_input_and_an_empty_history()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<int, int>("Count", async (ctx, n) =>
            {
                await ctx.CallActivityAsync("Tick", n);
                if (n < 4)
                {
                    ctx.ContinueAsNew(n + 1);
                }

                return n;
            })
            .AddActivityFunc<int, int>("Tick", (_, n) => n));

        var result = await host.RunAsync("Count", 0);

        Assert.Equal(4, result.ReadOutputAs<int>());
        Assert.Equal(4, result.ReadInputAs<int>());
        var record = await host.Store.GetInstanceAsync(result.InstanceId);
        Assert.Equal(4, record!.Generation);
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);
        Assert.Single(history.OfType<History.TaskScheduled>());
    }

    [Fact]
    public async Task ContinueAsNew_carries_unprocessed_events_to_the_next_generation()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, string>("Batches", async (ctx, seen) =>
            {
                var item = await ctx.WaitForExternalEvent<string>("Item");
                seen = seen.Length == 0 ? item : $"{seen},{item}";
                if (seen.Split(',').Length < 3)
                {
                    // Give the other events time to arrive in this generation; they are carried over.
                    await ctx.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
                    ctx.ContinueAsNew(seen);
                }

                return seen;
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Batches", string.Empty);
        await host.RunUntilIdleAsync();
        await host.Client.RaiseEventAsync(id, "Item", "a");
        await host.RunUntilIdleAsync();
        await host.Client.RaiseEventAsync(id, "Item", "b");
        await host.Client.RaiseEventAsync(id, "Item", "c");

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);

        Assert.Equal("a,b,c", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_without_preserving_drops_unprocessed_events()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<int, string>("Once", async (ctx, generation) =>
            {
                if (generation == 0)
                {
                    await ctx.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
                    ctx.ContinueAsNew(1, preserveUnprocessedEvents: false);
                    return "first";
                }

                try
                {
                    return await ctx.WaitForExternalEvent<string>("Item", TimeSpan.FromDays(1));
                }
                catch (TaskCanceledException)
                {
                    return "nothing";
                }
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Once", 0);
        await host.RunUntilIdleAsync();
        await host.Client.RaiseEventAsync(id, "Item", "early");

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);

        Assert.Equal("nothing", done.ReadOutputAs<string>());
    }
}
