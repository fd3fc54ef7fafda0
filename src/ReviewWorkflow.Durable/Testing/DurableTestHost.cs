using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewWorkflow.Durable.Engine;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Store.InMemory;

namespace ReviewWorkflow.Durable.Testing;

/// <summary>A store that decorates another (lets the test host see through wrappers to the in-memory queues).</summary>
public interface IDurableStoreDecorator
{
    IDurableStore Inner { get; }
}

/// <summary>
/// Runs orchestrations in-process on a fake clock, deterministically: nothing runs in the background; work
/// happens when the test calls <see cref="RunUntilIdleAsync"/>, <see cref="AdvanceAsync"/> or waits through
/// <see cref="Client"/> (which, like a time-skipping test environment, jumps the clock to the next due timer
/// when nothing else can happen).
/// </summary>
public sealed class DurableTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private DateTimeOffset? _lastSweepAt;

    private DurableTestHost(ServiceProvider services, FakeTimeProvider time)
    {
        _services = services;
        Time = time;
        Store = services.GetRequiredService<IDurableStore>();
        Worker = services.GetRequiredService<DurableWorker>();
        Client = services.GetRequiredService<DurableTaskClient>();
        Client.WaitStrategy = DriveAsync;
    }

    public FakeTimeProvider Time { get; }

    public IDurableStore Store { get; }

    public DurableWorker Worker { get; }

    public DurableTaskClient Client { get; }

    public IServiceProvider Services => _services;

    /// <summary>Whether advancing the clock also runs the sweep (as the timer trigger would). On by default.</summary>
    public bool UseSweep { get; set; } = true;

    /// <summary>Builds a host. <paramref name="store"/> defaults to a new in-memory store on the host's clock.</summary>
    public static async Task<DurableTestHost> StartAsync(
        Action<DurableTaskBuilder> configure,
        Func<TimeProvider, IDurableStore>? store = null,
        FakeTimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        time ??= new FakeTimeProvider();
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        collection.AddDurableTask(b =>
        {
            if (store is not null)
            {
                b.UseStore(_ => store(time));
            }

            b.Configure(o => o.EnableDispatcher = false);
            configure(b);
        });
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        var host = new DurableTestHost(provider, time);
        await host.Store.InitializeAsync().ConfigureAwait(false);
        return host;
    }

    /// <summary>Processes every visible wake-up and activity until none is left; returns how many messages ran.</summary>
    public async Task<int> RunUntilIdleAsync(CancellationToken cancellationToken = default)
    {
        var processed = 0;
        for (var rounds = 0; ; rounds++)
        {
            if (rounds > 100_000)
            {
                throw new InvalidOperationException("The durable test host did not become idle (a work item keeps re-queuing itself).");
            }

            var lease = Worker.Options.LeaseDuration;
            var wakeups = await Store.ReceiveAsync(WorkItemKind.Orchestration, Worker.Options.BatchSize, lease, cancellationToken).ConfigureAwait(false);
            if (wakeups.Count > 0)
            {
                await Worker.ProcessOrchestrationLeasesAsync(wakeups, cancellationToken).ConfigureAwait(false);
                processed += wakeups.Count;
                continue;
            }

            var activities = await Store.ReceiveAsync(WorkItemKind.Activity, 1, lease, cancellationToken).ConfigureAwait(false);
            if (activities.Count == 0)
            {
                return processed;
            }

            await Worker.ProcessLeaseAsync(activities[0], cancellationToken).ConfigureAwait(false);
            processed++;
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, stopping at every due point on the way and running what falls due.</summary>
    public Task AdvanceAsync(TimeSpan delta, CancellationToken cancellationToken = default) => AdvanceToAsync(Time.GetUtcNow() + delta, cancellationToken);

    public async Task AdvanceToAsync(DateTimeOffset target, CancellationToken cancellationToken = default)
    {
        await RunUntilIdleAsync(cancellationToken).ConfigureAwait(false);
        while (await NextDueAsync(cancellationToken).ConfigureAwait(false) is { } next && next <= target)
        {
            await StepToAsync(next, cancellationToken).ConfigureAwait(false);
        }

        await StepToAsync(target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The sweep, as the timer trigger runs it.</summary>
    public Task<int> SweepAsync(CancellationToken cancellationToken = default) => Worker.SweepAsync(Time.GetUtcNow(), cancellationToken);

    /// <summary>Convenience: schedule, run to completion (skipping time as needed) and return the final metadata.</summary>
    public async Task<OrchestrationMetadata> RunAsync(TaskName orchestrator, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, options, cancellationToken).ConfigureAwait(false);
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task StepToAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (at > Time.GetUtcNow())
        {
            Time.SetUtcNow(at);
        }

        await RunUntilIdleAsync(cancellationToken).ConfigureAwait(false);
        if (UseSweep)
        {
            await SweepAsync(cancellationToken).ConfigureAwait(false);
            await RunUntilIdleAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The earliest future moment something becomes due: a queue message (in-memory stores) or an instance's <c>NextWakeAt</c>.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        var now = Time.GetUtcNow();
        DateTimeOffset? next = null;
        if (InnerMost(Store) is InMemoryDurableStore memory && memory.NextQueueVisibleAt() is { } visible)
        {
            next = visible;
        }

        if (UseSweep)
        {
            string? token = null;
            do
            {
                var page = await Store.QueryInstancesAsync(new InstanceFilter(), 500, token, cancellationToken).ConfigureAwait(false);
                foreach (var r in page.Instances)
                {
                    var live = r.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running;
                    if (live && r.NextWakeAt is { } wake && wake > now && (next is null || wake < next))
                    {
                        next = wake;
                    }

                    var redispatchAt = r.LastUpdatedAt + Worker.Options.OutboxRedispatchDelay;
                    if (r.HasPendingOutbox && redispatchAt > now && (next is null || redispatchAt < next))
                    {
                        next = redispatchAt;
                    }
                }

                token = page.ContinuationToken;
            }
            while (token is not null);
        }

        return next;
    }

    private async Task<bool> DriveAsync(CancellationToken cancellationToken)
    {
        if (await RunUntilIdleAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            return true;
        }

        // Sweep once per clock reading: it repairs lost wake-ups, but must not spin on an instance that is merely waiting.
        if (UseSweep && _lastSweepAt != Time.GetUtcNow())
        {
            _lastSweepAt = Time.GetUtcNow();
            if (await SweepAsync(cancellationToken).ConfigureAwait(false) > 0 && await RunUntilIdleAsync(cancellationToken).ConfigureAwait(false) > 0)
            {
                return true;
            }
        }

        if (await NextDueAsync(cancellationToken).ConfigureAwait(false) is not { } next)
        {
            return false;
        }

        await StepToAsync(next, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static IDurableStore InnerMost(IDurableStore store)
    {
        while (store is IDurableStoreDecorator decorator)
        {
            store = decorator.Inner;
        }

        return store;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
