using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Store.InMemory;
using ReviewWorkflow.Durable.Tests.Testing;

namespace ReviewWorkflow.Durable.Tests.Hosting;

/// <summary>
/// The built-in dispatcher with many orchestration slots: steps of one instance never run at once in a process (no
/// commit ever loses the ETag race), wake-ups that arrive meanwhile are settled by one more step, and every activity
/// runs exactly once — with the local fast path on and off.
/// </summary>
public sealed class DispatcherExclusivityTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task One_instance_with_many_slots_never_races_itself_and_runs_each_activity_once(bool fastPath)
    {
        var runs = new ConcurrentDictionary<(string, int), int>();
        FaultyStore? store = null;
        await using var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddDurableTask(b => b
                .UseStore(sp => store = new FaultyStore(new InMemoryDurableStore(sp.GetRequiredService<TimeProvider>())))
                .Configure(o =>
                {
                    o.MaxConcurrentOrchestrations = 8;
                    o.MaxConcurrentActivities = 16;
                    o.MinPollingInterval = TimeSpan.FromMilliseconds(5);
                    o.PollingInterval = TimeSpan.FromMilliseconds(50);
                    o.EnableLocalFastPath = fastPath;
                })
                .AddOrchestratorFunc<int, int>("ChainThenFanOut", async (ctx, n) =>
                {
                    var total = 0;
                    for (var i = 0; i < 10; i++)
                    {
                        total += await ctx.CallActivityAsync<int>("Id", i);
                    }

                    var all = await Task.WhenAll(Enumerable.Range(100, n).Select(i => ctx.CallActivityAsync<int>("Id", i)));
                    return total + all.Sum();
                })
                .AddActivityFunc<int, int>("Id", (ctx, i) =>
                {
                    runs.AddOrUpdate((ctx.InstanceId, ctx.TaskId), 1, (_, c) => c + 1);
                    return i;
                }))
            .BuildServiceProvider();
        var dispatcher = services.GetServices<IHostedService>().OfType<DurableHostedService>().Single();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var client = services.GetRequiredService<DurableTaskClient>();
            var ids = new List<string>();
            for (var k = 0; k < 3; k++)
            {
                ids.Add(await client.ScheduleNewOrchestrationInstanceAsync("ChainThenFanOut", 150));
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            foreach (var id in ids)
            {
                var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, patience.Token);
                Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
                Assert.Equal(45 + Enumerable.Range(100, 150).Sum(), done.ReadOutputAs<int>());
            }

            Assert.Equal(3 * 160, runs.Count);
            Assert.All(runs, r => Assert.Equal(1, r.Value));
            Assert.Equal(0, store!.Conflicts);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }
}
