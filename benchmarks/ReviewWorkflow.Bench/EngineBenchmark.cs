using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReviewWorkflow.Bench.Tasks;
using ReviewWorkflow.DurableTask;
using ReviewWorkflow.DurableTask.Configuration;

namespace ReviewWorkflow.Bench;

/// <summary>
/// The engine as a worker process runs it (the same AddReviewWorkflowDurableTask host), with every storage request of
/// its worker and client (idle polling included) counted by <see cref="Counter"/> in the Azure SDK pipeline.
/// </summary>
internal sealed class EngineBenchmark : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);
    private readonly IHost _host;
    private readonly IHost _monitor;
    private readonly DurableTaskClient _watch;

    private EngineBenchmark(IHost host, IHost monitor, RequestCounter counter)
    {
        _host = host;
        _monitor = monitor;
        Counter = counter;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
        _watch = monitor.Services.GetRequiredService<DurableTaskClient>();
    }

    public RequestCounter Counter { get; }

    public DurableTaskClient Client { get; }

    public static async Task<EngineBenchmark> StartAsync(string connectionString, IReadOnlyDictionary<string, string?> settings)
    {
        var counter = new RequestCounter();
        var host = Build(connectionString, settings, counter, workerEnabled: true);
        await host.StartAsync();
        // Progress is watched through a second, client-only host whose requests are not counted.
        var monitor = Build(connectionString, settings, counter: null, workerEnabled: false);
        await monitor.StartAsync();
        return new EngineBenchmark(host, monitor, counter);
    }

    private static IHost Build(string connectionString, IReadOnlyDictionary<string, string?> settings, RequestCounter? counter, bool workerEnabled)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["AzureWebJobsStorage"] = connectionString;
        builder.Configuration["Durable:WorkerEnabled"] = workerEnabled ? "true" : "false";
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        if (counter is not null)
        {
            builder.Services.Configure<DurableStorageClientOptions>(o => o.Policies.Add(counter));
        }

        builder.Services.AddReviewWorkflowDurableTask(builder.Configuration, tasks => tasks
            .AddOrchestrator<SequentialBench>(nameof(SequentialBench))
            .AddOrchestrator<FanOutBench>(nameof(FanOutBench))
            .AddOrchestrator<EventsBench>(nameof(EventsBench))
            .AddActivity<NoopActivity>());
        return builder.Build();
    }

    public Task<Measurement> SequentialAsync(int n) => RunAsync("sequential activities", nameof(SequentialBench), n, null);

    public Task<Measurement> FanOutAsync(int n) => RunAsync("fan-out/fan-in activities", nameof(FanOutBench), n, null);

    /// <summary>One instance waits for N events; the client raises them 16 at a time.</summary>
    public Task<Measurement> EventsAsync(int n) => RunAsync("external events", nameof(EventsBench), n, async id =>
    {
        using var slots = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, n).Select(async _ =>
        {
            await slots.WaitAsync();
            try
            {
                await Client.RaiseEventAsync(id, EventsBench.EventName, 1);
            }
            finally
            {
                slots.Release();
            }
        }));
    });

    public async ValueTask DisposeAsync()
    {
        await _monitor.StopAsync();
        _monitor.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }

    private async Task<Measurement> RunAsync(string name, string orchestrator, int n, Func<string, Task>? drive)
    {
        var requestsBefore = Counter.Count;
        var watch = Stopwatch.StartNew();
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, n);
        if (drive is not null)
        {
            await _watch.WaitForInstanceStartAsync(id);
            watch.Restart(); // events: from the first raise, once the instance waits
            requestsBefore = Counter.Count;
            await drive(id);
        }

        while (true)
        {
            // A tight poll (25 ms) so the measurement is not rounded up to the client's 1 s back-off.
            var state = await _watch.GetInstanceAsync(id, getInputsAndOutputs: true);
            if (state is { IsCompleted: true })
            {
                watch.Stop();
                if (state.RuntimeStatus != OrchestrationRuntimeStatus.Completed || state.ReadOutputAs<int>() != n)
                {
                    throw new InvalidOperationException($"{name}: {state.RuntimeStatus} with {state.SerializedOutput}, expected {n}.");
                }

                break;
            }

            await Task.Delay(Poll);
        }

        return new Measurement(name, n, watch.Elapsed, Counter.Count - requestsBefore);
    }
}
