using System.Collections.Concurrent;
using System.Diagnostics;
using ReviewWorkflow.Durable.History;
using Xunit.Abstractions;

namespace ReviewWorkflow.Durable.Tests.AzureStorage;

/// <summary>
/// Two workers (two engines, two <see cref="ReviewWorkflow.Durable.AzureStorage.AzureStorageDurableStore"/> objects) on one
/// task hub in Azurite run 200 instances at once: each instance completes exactly once, with every activity result applied
/// exactly once however often queues redeliver or workers race.
/// </summary>
public sealed class TwoDispatcherTests(ITestOutputHelper output)
{
    private const int Instances = 200;
    private const int ExpectedOutput = 2 * (1 + 2 + 3) + 2 * (100 + 101 + 102);

    private static void Register(DurableTaskBuilder b, ConcurrentDictionary<(string, int), int> executions)
    {
        b.AddOrchestratorFunc<int, int>("ChainThenFanOut", async (ctx, _) =>
        {
            var total = 0;
            for (var i = 1; i <= 3; i++)
            {
                total += await ctx.CallActivityAsync<int>("Double", i);
            }

            var fan = await Task.WhenAll(Enumerable.Range(100, 3).Select(i => ctx.CallActivityAsync<int>("Double", i)));
            return total + fan.Sum();
        });
        b.AddActivityFunc<int, int>("Double", (ctx, x) =>
        {
            executions.AddOrUpdate((ctx.InstanceId, ctx.TaskId), 1, (_, n) => n + 1);
            return x * 2;
        });
    }

    [Fact]
    public async Task Two_dispatchers_on_one_hub_complete_200_instances_exactly_once()
    {
        var hub = AzureStores.UniqueHub();
        var executionsA = new ConcurrentDictionary<(string, int), int>();
        var executionsB = new ConcurrentDictionary<(string, int), int>();
        await using var a = await AzureEngineHost.StartAsync(hub, b => Register(b, executionsA));
        await using var b = await AzureEngineHost.StartAsync(hub, b => Register(b, executionsB));
        var stopwatch = Stopwatch.StartNew();

        var ids = Enumerable.Range(0, Instances).Select(i => $"two-dispatchers/{i:D3}").ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
            await (id.GetHashCode(StringComparison.Ordinal) % 2 == 0 ? a : b).Client.ScheduleNewOrchestrationInstanceAsync("ChainThenFanOut", 0, new StartOrchestrationOptions(id), ct));

        // Wait (bounded) until every instance reached a terminal status.
        var pending = new HashSet<string>(ids);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            var done = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
            {
                var record = await a.Store.GetInstanceAsync(id, ct);
                if (record is { RuntimeStatus: OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated })
                {
                    done.Add(id);
                }
            });
            pending.ExceptWith(done);
        }

        output.WriteLine($"{Instances - pending.Count}/{Instances} instances finished in {stopwatch.Elapsed.TotalSeconds:F1} s");
        Assert.Empty(pending);

        var duplicates = 0;
        foreach (var id in ids)
        {
            var record = (await a.Store.GetInstanceAsync(id))!;
            Assert.Equal(OrchestrationRuntimeStatus.Completed, record.RuntimeStatus);
            Assert.Equal(ExpectedOutput.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Output);

            var history = await b.Client.GetOrchestrationHistoryAsync(id);
            Assert.Single(history.OfType<ExecutionStarted>());
            Assert.Equal(OrchestrationRuntimeStatus.Completed, Assert.Single(history.OfType<ExecutionCompleted>()).Status);
            var scheduled = history.OfType<TaskScheduled>().Select(t => t.EventId).ToList();
            var completed = history.OfType<TaskCompleted>().Select(t => t.TaskScheduledId).ToList();
            Assert.Equal(6, scheduled.Count);
            Assert.Equal(scheduled.Count, scheduled.Distinct().Count());
            Assert.Equal(scheduled.Order(), completed.Order()); // every result applied exactly once, to its own task

            foreach (var taskId in scheduled)
            {
                var runs = executionsA.GetValueOrDefault((id, taskId)) + executionsB.GetValueOrDefault((id, taskId));
                Assert.True(runs >= 1, $"{id} task {taskId} completed without running");
                duplicates += runs - 1;
            }
        }

        output.WriteLine($"activity executions: A {executionsA.Values.Sum()}, B {executionsB.Values.Sum()}, redelivered {duplicates}");
        Assert.True(executionsA.Values.Sum() > 0 && executionsB.Values.Sum() > 0, "both dispatchers should have run activities");
        Assert.Equal(Instances * 6, executionsA.Count + executionsB.Count - executionsA.Keys.Intersect(executionsB.Keys).Count());
    }
}
