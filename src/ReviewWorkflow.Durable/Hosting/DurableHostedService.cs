using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Durable.Engine;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable;

/// <summary>
/// The built-in dispatcher for running outside the Functions host: polls the wake-up and activity queues (backing
/// off when idle, woken at once by in-process work), runs work items with bounded concurrency and sweeps
/// periodically. Every message goes through <see cref="DurableWorker"/>, exactly as a queue trigger would.
/// Steps of one instance never run at once in this process: wake-ups that arrive while one runs are held and
/// settled by one more step after it. With <see cref="DurableOptions.EnableLocalFastPath"/> the worker also hands
/// activities and next steps to this dispatcher directly (see <see cref="DurableWorker"/>).
/// </summary>
public sealed class DurableHostedService(
    DurableWorker worker,
    IDurableStore store,
    IOptions<DurableOptions> options,
    DurableWorkSignal signal,
    TimeProvider time,
    ILogger<DurableHostedService> logger) : BackgroundService, ILocalDispatcher
{
    private readonly DurableOptions _options = options.Value;
    private readonly SemaphoreSlim _orchestrationSlots = new(Math.Max(1, options.Value.MaxConcurrentOrchestrations));
    private readonly SemaphoreSlim _activitySlots = new(Math.Max(1, options.Value.MaxConcurrentActivities));
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Instances with a step running in this process, and what arrived for them meanwhile.</summary>
    private readonly Dictionary<string, InstanceRun> _active = new(StringComparer.Ordinal);
    private readonly Lock _activeGate = new();
    private CancellationToken _stopping = CancellationToken.None;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.EnableDispatcher)
        {
            return;
        }

        await store.InitializeAsync(stoppingToken).ConfigureAwait(false);
        _stopping = stoppingToken;
        worker.LocalDispatcher = this;
        try
        {
            await Task.WhenAll(
                PollAsync(WorkItemKind.Orchestration, _orchestrationSlots, stoppingToken),
                PollAsync(WorkItemKind.Activity, _activitySlots, stoppingToken),
                SweepLoopAsync(stoppingToken)).ConfigureAwait(false);
        }
        finally
        {
            worker.LocalDispatcher = null;
            while (!_running.IsEmpty)
            {
                await Task.WhenAll(_running.Keys).ConfigureAwait(false);
            }
        }
    }

    public override void Dispose()
    {
        _orchestrationSlots.Dispose();
        _activitySlots.Dispose();
        base.Dispose();
    }

    private async Task PollAsync(WorkItemKind kind, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        var idleDelay = _options.MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (kind == WorkItemKind.Orchestration)
                {
                    await worker.FlushOwedWakeupsAsync(stoppingToken).ConfigureAwait(false);
                }

                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                slots.Release();
                var free = slots.CurrentCount;
                var leases = await store.ReceiveAsync(kind, Math.Min(_options.BatchSize, Math.Max(1, kind == WorkItemKind.Orchestration ? _options.BatchSize : free)), _options.LeaseDuration, stoppingToken).ConfigureAwait(false);
                if (leases.Count == 0)
                {
                    // Adaptive back-off: an idle queue is polled less and less often (up to PollingInterval); in-process
                    // work wakes the loop at once through the signal.
                    await signal.WaitAsync(kind, idleDelay, time, stoppingToken).ConfigureAwait(false);
                    idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, _options.PollingInterval.Ticks));
                    continue;
                }

                idleDelay = _options.MinPollingInterval;
                if (kind == WorkItemKind.Orchestration)
                {
                    foreach (var group in DurableWorker.GroupByInstance(leases))
                    {
                        await StartOrCoalesceAsync(InstanceKey(group[0]), group, stoppingToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    foreach (var lease in leases)
                    {
                        await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                        Track(RunAsync(() => worker.ProcessLeaseAsync(lease, stoppingToken), slots, kind));
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A storage hiccup must not stop the dispatcher; it logs and polls again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.DispatcherLoopFailed(logger, ex, kind.ToString());
                try
                {
                    await Task.Delay(_options.PollingInterval, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }
    }

    /// <summary>The instance a wake-up names (a malformed message gets a key of its own and is settled as poison by the worker).</summary>
    private static string InstanceKey(WorkItemLease lease)
    {
        try
        {
            return EngineJson.ParseWakeup(lease.MessageText);
        }
        catch (System.Text.Json.JsonException)
        {
            return "\0" + lease.MessageId;
        }
    }

    /// <summary>Runs a step for the wake-ups of one instance, or, if a step of it is running, holds them for one more step after it.</summary>
    private async Task StartOrCoalesceAsync(string instanceId, IReadOnlyList<WorkItemLease> leases, CancellationToken stoppingToken)
    {
        if (TryCoalesce(instanceId, leases))
        {
            return;
        }

        await _orchestrationSlots.WaitAsync(stoppingToken).ConfigureAwait(false);
        StartOrCoalesceOnSlot(instanceId, leases);
    }

    /// <summary>With a slot taken: start the instance's run, or (if a direct step started it meanwhile) coalesce and give the slot back.</summary>
    private void StartOrCoalesceOnSlot(string instanceId, IReadOnlyList<WorkItemLease> leases)
    {
        lock (_activeGate)
        {
            if (_active.TryGetValue(instanceId, out var run))
            {
                run.Add(leases);
                _orchestrationSlots.Release();
                return;
            }

            _active.Add(instanceId, new InstanceRun());
        }

        Track(RunInstanceAsync(instanceId, leases));
    }

    private bool TryCoalesce(string instanceId, IReadOnlyList<WorkItemLease> leases)
    {
        lock (_activeGate)
        {
            if (_active.TryGetValue(instanceId, out var run))
            {
                run.Add(leases);
                return true;
            }

            return false;
        }
    }

    /// <summary>One instance's steps, one at a time, until nothing more arrived for it; holds one orchestration slot.</summary>
    private async Task RunInstanceAsync(string instanceId, IReadOnlyList<WorkItemLease> leases)
    {
        try
        {
            await Task.Yield();
            while (true)
            {
                try
                {
                    if (leases.Count > 0)
                    {
                        await worker.ProcessInstanceGroupAsync(leases, _stopping).ConfigureAwait(false);
                    }
                    else
                    {
                        await worker.RunLocalStepAsync(instanceId, _stopping).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    // Shutting down: leases run out and their messages are delivered again.
                }
#pragma warning disable CA1031 // Failures are settled per message by the worker; anything else is logged.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Log.DispatcherLoopFailed(logger, ex, WorkItemKind.Orchestration.ToString());
                }

                lock (_activeGate)
                {
                    var run = _active[instanceId];
                    if (!run.Dirty || _stopping.IsCancellationRequested)
                    {
                        _active.Remove(instanceId);
                        return;
                    }

                    leases = run.Take();
                }
            }
        }
        finally
        {
            _orchestrationSlots.Release();
        }
    }

    bool ILocalDispatcher.TryRunStep(string instanceId)
    {
        if (_stopping.IsCancellationRequested || TryCoalesce(instanceId, []))
        {
            return !_stopping.IsCancellationRequested;
        }

        if (!_orchestrationSlots.Wait(0))
        {
            return false;
        }

        StartOrCoalesceOnSlot(instanceId, []);
        return true;
    }

    bool ILocalDispatcher.TryReserveActivitySlot() => !_stopping.IsCancellationRequested && _activitySlots.Wait(0);

    void ILocalDispatcher.ReleaseActivitySlot() => _activitySlots.Release();

    void ILocalDispatcher.RunActivity(WorkItemLease lease) =>
        Track(RunAsync(() => worker.ProcessLeaseAsync(lease, _stopping), _activitySlots, WorkItemKind.Activity));

    private void Track(Task task)
    {
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunAsync(Func<Task> work, SemaphoreSlim slots, WorkItemKind kind)
    {
        try
        {
            await Task.Yield();
            await work().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the lease runs out and the message is delivered again.
        }
#pragma warning disable CA1031 // Failures are settled per message by the worker; anything else is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.DispatcherLoopFailed(logger, ex, kind.ToString());
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await worker.SweepAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                await Task.Delay(_options.SweepInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The sweep is a safety net; a failed sweep is logged and retried next interval.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.DispatcherLoopFailed(logger, ex, "sweep");
                await Task.Delay(_options.SweepInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>What arrived for an instance while a step of it was running.</summary>
    private sealed class InstanceRun
    {
        private List<WorkItemLease> _leases = [];

        public bool Dirty { get; private set; }

        public void Add(IReadOnlyList<WorkItemLease> leases)
        {
            _leases.AddRange(leases);
            Dirty = true;
        }

        public List<WorkItemLease> Take()
        {
            var taken = _leases;
            _leases = [];
            Dirty = false;
            return taken;
        }
    }
}
