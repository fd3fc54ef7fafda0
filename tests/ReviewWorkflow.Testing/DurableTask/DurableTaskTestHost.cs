using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask;
using ReviewWorkflow.DurableTask.Engine;
using ReviewWorkflow.DurableTask.Registration;
using ReviewWorkflow.DurableTask.WakeUps;

namespace ReviewWorkflow.Testing.DurableTask;

/// <summary>
/// The real engine for tests: a DTFx worker and client on Azurite with a task hub of its own (tests run in parallel),
/// under a <see cref="FakeTimeProvider"/> that moves months in seconds by stepping through the scheduled wake-ups.
/// </summary>
public sealed class DurableTaskTestHost : IAsyncDisposable
{
    /// <summary>How long <see cref="RunUntilIdleAsync()"/> waits before it fails, listing what is still running.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(40);
    private const int QuietPollsNeeded = 3;

    private readonly IHost _host;
    private readonly TaskHubWorkerService _worker;
    private readonly TaskHubProbe _probe;
    private readonly WakeUpScheduler _wakeUps;
    private readonly bool _ownsHub;
    private bool _stopped;
    private bool _disposed;

    private DurableTaskTestHost(IHost host, FakeTimeProvider time, string hubName, bool ownsHub)
    {
        _host = host;
        Time = time;
        HubName = hubName;
        _ownsHub = ownsHub;
        _worker = host.Services.GetRequiredService<TaskHubWorkerService>();
        _probe = host.Services.GetRequiredService<TaskHubProbe>();
        _wakeUps = host.Services.GetRequiredService<WakeUpScheduler>();
        Sweeper = host.Services.GetRequiredService<WakeUpSweeper>();
        Client = host.Services.GetRequiredService<DurableTaskClient>();
    }

    /// <summary>The app's clock: every TimeProvider consumer in <see cref="Services"/> sees it.</summary>
    public FakeTimeProvider Time { get; }

    public DurableTaskClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public WakeUpSweeper Sweeper { get; }

    /// <summary>This host's task hub (pass it as <c>Durable:HubName</c> to a second host to share the hub).</summary>
    public string HubName { get; }

    /// <summary>
    /// Starts a worker and client on Azurite. Settings suit tests (fast polling, 2 partitions, short leases and
    /// visibility timeouts so a simulated crash is redelivered within seconds); <paramref name="configuration"/> may
    /// change any key. A host given another host's <c>Durable:HubName</c> shares that hub and leaves it in place on dispose.
    /// </summary>
    public static async Task<DurableTaskTestHost> StartAsync(
        Action<WorkflowTaskRegistry> register,
        FakeTimeProvider time,
        Action<IServiceCollection>? services = null,
        Action<IDictionary<string, string?>>? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(time);
        var generatedHub = UniqueName("t");
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await Azurite.GetConnectionStringAsync().ConfigureAwait(false),
            ["Durable:HubName"] = generatedHub,
            ["Durable:WorkerId"] = UniqueName("w"),
            ["Durable:PartitionCount"] = "2",
            ["Durable:MaxQueuePollingInterval"] = "00:00:00.200",
            ["Durable:ControlQueueVisibilityTimeout"] = "00:00:10",
            ["Durable:WorkItemQueueVisibilityTimeout"] = "00:00:10",
            ["Durable:LeaseInterval"] = "00:00:06",
            ["Durable:LeaseRenewInterval"] = "00:00:01",
            ["Durable:LeaseAcquireInterval"] = "00:00:01",
            ["Durable:MaxConcurrentOrchestratorFunctions"] = "10",
            ["Durable:MaxConcurrentActivityFunctions"] = "10",
            // Tests sweep explicitly (RunUntilIdleAsync, AdvanceToAsync); the background sweep would only add noise.
            ["Durable:WakeUpSweepInterval"] = "01:00:00",
            ["Durable:WakeUpsTable"] = UniqueName("wakeups"),
        };
        configuration?.Invoke(settings);
        var hubName = settings["Durable:HubName"]!;

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(time);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        builder.Services.AddReviewWorkflowDurableTask(builder.Configuration, register);
        services?.Invoke(builder.Services);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));

        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new DurableTaskTestHost(host, time, hubName, ownsHub: hubName == generatedHub);
    }

    /// <summary>Schedules an orchestration, runs until idle and returns its state with inputs and outputs.</summary>
    public async Task<OrchestrationMetadata> RunAsync(TaskName orchestrator, object? input = null, StartOrchestrationOptions? options = null)
    {
        var instanceId = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, options).ConfigureAwait(false);
        await RunUntilIdleAsync().ConfigureAwait(false);
        return (await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Returns once no work is queued or in flight and no wake-up is due (sweeping due ones), observed on consecutive
    /// polls. Pending durable timers count as queued work, so this waits for them (use wake-ups for business time).
    /// </summary>
    public Task RunUntilIdleAsync() => RunUntilIdleAsync(DefaultIdleTimeout);

    /// <inheritdoc cref="RunUntilIdleAsync()"/>
    public async Task RunUntilIdleAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var quietPolls = 0;
        TaskHubLoad? load = null;
        try
        {
            while (true)
            {
                if (await IsWakeUpDueAsync(cancellation.Token).ConfigureAwait(false))
                {
                    await Sweeper.SweepAsync(cancellation.Token).ConfigureAwait(false);
                    quietPolls = 0;
                    continue;
                }

                load = await _probe.ReadAsync(cancellation.Token).ConfigureAwait(false);
                quietPolls = load.IsQuiet ? quietPolls + 1 : 0;
                if (quietPolls >= QuietPollsNeeded)
                {
                    return;
                }

                await Task.Delay(PollInterval, cancellation.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The task hub {HubName} was not idle after {timeout.TotalSeconds:0} s: {load}. " +
                $"Unfinished instances: {await DescribeUnfinishedAsync().ConfigureAwait(false)}.");
        }
    }

    /// <summary>Moves the clock forward by <paramref name="by"/>, through every wake-up due on the way.</summary>
    public Task AdvanceAsync(TimeSpan by) => AdvanceToAsync(Time.GetUtcNow() + by);

    /// <summary>
    /// Moves the clock to each scheduled wake-up in time order up to <paramref name="target"/>, sweeping and running
    /// until idle at each, then to <paramref name="target"/> (never backwards).
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset target)
    {
        await RunUntilIdleAsync().ConfigureAwait(false);
        while (await NextDueAsync().ConfigureAwait(false) is { } next && next <= target)
        {
            if (next > Time.GetUtcNow())
            {
                Time.SetUtcNow(next);
            }

            await RunUntilIdleAsync().ConfigureAwait(false);
        }

        if (target > Time.GetUtcNow())
        {
            Time.SetUtcNow(target);
        }

        await RunUntilIdleAsync().ConfigureAwait(false);
    }

    /// <summary>Raises every wake-up due by the fake clock now; returns how many were raised.</summary>
    public Task<int> SweepAsync() => Sweeper.SweepAsync(CancellationToken.None);

    /// <summary>The earliest scheduled wake-up time, or null when none is scheduled.</summary>
    public async Task<DateTimeOffset?> NextDueAsync() =>
        (await _wakeUps.NextDueAsync(CancellationToken.None).ConfigureAwait(false))?.DueAt;

    /// <summary>The pending wake-up of one instance, or null.</summary>
    public Task<WakeUpRequest?> PendingWakeUpAsync(string instanceId) => _wakeUps.GetAsync(instanceId, CancellationToken.None);

    /// <summary>
    /// Stops the worker as a crash would (nothing it still finishes reaches storage; messages it held reappear after
    /// their visibility timeout) and starts a new worker, under a new name, on the same hub and storage.
    /// </summary>
    public async Task RestartWorkerAsync()
    {
        await _worker.CrashWorkerAsync().ConfigureAwait(false);
        await _worker.StartWorkerAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the worker gracefully, then deletes the task hub and the wake-ups table (unless the hub is shared).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync().ConfigureAwait(false);

        if (_ownsHub)
        {
            await DeleteTaskHubAsync().ConfigureAwait(false);
        }

        await ((IAsyncDisposable)_host).DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Stops this host and deletes the task hub and wake-ups table (for hosts given a shared hub, which leave it on
    /// dispose: call it on the last one, after the others are disposed).
    /// </summary>
    public async Task DeleteTaskHubAsync()
    {
        await StopAsync().ConfigureAwait(false);
        var service = _host.Services.GetRequiredService<OrchestrationServiceFactory>().Create();
        await service.DeleteAsync().ConfigureAwait(false);
        service.Dispose();
        await _host.Services.GetRequiredService<WakeUpTable>().DeleteAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(stop.Token).ConfigureAwait(false);
    }

    private async Task<bool> IsWakeUpDueAsync(CancellationToken cancellationToken) =>
        await _wakeUps.NextDueAsync(cancellationToken).ConfigureAwait(false) is { } next && next.DueAt <= Time.GetUtcNow();

    private async Task<string> DescribeUnfinishedAsync()
    {
        var unfinished = new List<string>();
        var query = new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended]);
        await foreach (var instance in Client.GetAllInstancesAsync(query).ConfigureAwait(false))
        {
            unfinished.Add($"{instance.InstanceId} ({instance.Name}, {instance.RuntimeStatus}, custom status {instance.SerializedCustomStatus ?? "none"})");
        }

        return unfinished.Count == 0 ? "none" : string.Join("; ", unfinished);
    }

    private static string UniqueName(string prefix) =>
        (prefix + Environment.ProcessId.ToString("x", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..12]).ToLowerInvariant();
}
