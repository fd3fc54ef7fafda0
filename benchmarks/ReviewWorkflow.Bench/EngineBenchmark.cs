using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReviewWorkflow.Durable;
using ReviewWorkflow.Durable.AzureStorage;
using ReviewWorkflow.Storage.Configuration;

namespace ReviewWorkflow.Bench;

/// <summary>
/// The durable runtime on the Azure Storage backend with its built-in dispatcher, as a worker process runs it. Every
/// storage request of the engine and store goes through <see cref="Counter"/>; progress is watched through a separate,
/// uncounted store so watching costs nothing in the figures.
/// </summary>
internal sealed class EngineBenchmark : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;
    private readonly AzureStorageDurableStore _monitor;

    private EngineBenchmark(ServiceProvider services, CountingStore store, RequestCounter counter, AzureStorageDurableStore monitor)
    {
        _services = services;
        _hosted = [.. services.GetServices<IHostedService>()];
        Store = store;
        Counter = counter;
        _monitor = monitor;
        Client = services.GetRequiredService<DurableTaskClient>();
    }

    public CountingStore Store { get; }

    public RequestCounter Counter { get; }

    public DurableTaskClient Client { get; }

    public static async Task<EngineBenchmark> StartAsync(StorageConnection connection, string hub)
    {
        var counter = new RequestCounter();
        var storageOptions = new StorageOptions();
        storageOptions.AdditionalPolicies.Add(counter);
        var azure = AzureStorageDurableStore.Create(connection, storageOptions, new AzureStorageDurableOptions { TaskHubName = hub });
        var store = new CountingStore(azure);
        await store.InitializeAsync();
        var monitor = AzureStorageDurableStore.Create(connection, new StorageOptions(), new AzureStorageDurableOptions { TaskHubName = hub });

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDurableTask(b =>
        {
            b.UseStore(_ => store);
            b.Configure(o =>
            {
                // The dispatcher never runs two steps of one instance at once (wake-ups arriving meanwhile are coalesced
                // into one more step), so several orchestration slots no longer produce conflicts (see BENCHMARKS.md).
                o.MaxConcurrentOrchestrations = 4;
                o.MaxConcurrentActivities = 32;
                o.BatchSize = 32;
                o.MinPollingInterval = TimeSpan.FromMilliseconds(10);
                o.PollingInterval = TimeSpan.FromMilliseconds(250);
            });
            b.AddOrchestratorFunc<int, int>("Sequence", async (ctx, n) =>
            {
                var sum = 0;
                for (var i = 0; i < n; i++)
                {
                    sum += await ctx.CallActivityAsync<int>("Echo", i);
                }

                return sum;
            });
            b.AddOrchestratorFunc<int, int>("FanOut", async (ctx, n) =>
                (await Task.WhenAll(Enumerable.Range(0, n).Select(i => ctx.CallActivityAsync<int>("Echo", i)))).Sum());
            b.AddOrchestratorFunc<int, int>("Events", async (ctx, n) =>
            {
                var sum = 0;
                for (var i = 0; i < n; i++)
                {
                    sum += await ctx.WaitForExternalEvent<int>("Tick");
                }

                return sum;
            });
            b.AddActivityFunc<int, int>("Echo", (_, x) => x);
        });
        var bench = new EngineBenchmark(services.BuildServiceProvider(), store, counter, monitor);
        foreach (var hosted in bench._hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return bench;
    }

    public sealed record Run(string Name, int Items, TimeSpan Elapsed, long StorageOps, long Steps)
    {
        public double ItemsPerSecond => Items / Elapsed.TotalSeconds;

        public double OpsPerSecond => StorageOps / Elapsed.TotalSeconds;

        public double OpsPerStep => Steps == 0 ? 0 : (double)StorageOps / Steps;
    }

    public Task<Run> SequentialAsync(int activities) =>
        MeasureAsync("sequential activities", activities, id => Client.ScheduleNewOrchestrationInstanceAsync("Sequence", activities, new StartOrchestrationOptions(id)));

    public Task<Run> FanOutAsync(int activities) =>
        MeasureAsync("fan-out/fan-in activities", activities, id => Client.ScheduleNewOrchestrationInstanceAsync("FanOut", activities, new StartOrchestrationOptions(id)));

    public Task<Run> EventsAsync(int events) =>
        MeasureAsync("external events", events, async id =>
        {
            await Client.ScheduleNewOrchestrationInstanceAsync("Events", events, new StartOrchestrationOptions(id));
            await Parallel.ForEachAsync(Enumerable.Range(0, events), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
                await Client.RaiseEventAsync(id, "Tick", i, ct));
            return id;
        });

    /// <summary>Waits until both queues are empty, so leftovers of one measurement (e.g. surplus wake-ups after a fan-in)
    /// are not paid for by the next.</summary>
    private async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline
            && (await _monitor.GetBacklogAsync(ReviewWorkflow.Durable.Store.WorkItemKind.Orchestration) > 0
                || await _monitor.GetBacklogAsync(ReviewWorkflow.Durable.Store.WorkItemKind.Activity) > 0))
        {
            await Task.Delay(100);
        }
    }

    private async Task<Run> MeasureAsync(string name, int items, Func<string, Task<string>> start)
    {
        await SettleAsync();
        var id = $"bench-{name.Replace(' ', '-').Replace('/', '-')}-{Guid.NewGuid():N}";
        var ops = Counter.Count;
        var steps = Store.Steps;
        var stopwatch = Stopwatch.StartNew();
        await start(id);
        while (true)
        {
            var record = await _monitor.GetInstanceAsync(id);
            if (record is { RuntimeStatus: OrchestrationRuntimeStatus.Completed })
            {
                break;
            }

            if (record is { RuntimeStatus: OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated })
            {
                throw new InvalidOperationException($"{name}: instance {id} ended {record.RuntimeStatus}: {record.FailureDetails}");
            }

            if (stopwatch.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"{name}: instance {id} did not complete in 5 minutes ({record?.RuntimeStatus}).");
            }

            await Task.Delay(20);
        }

        stopwatch.Stop();
        return new Run(name, items, stopwatch.Elapsed, Counter.Count - ops, Store.Steps - steps);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted)
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
