using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Engine;

/// <summary>
/// Processes queue messages, one call per message (or per received batch): orchestration wake-ups run one step of
/// an instance, activity work items run an activity. The built-in dispatcher (<see cref="DurableHostedService"/>),
/// the test host and an Azure Functions queue trigger all call these same methods.
/// </summary>
public sealed partial class DurableWorker
{
    private readonly IDurableStore _store;
    private readonly DurableTaskRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly DurableOptions _options;
    private readonly TimeProvider _time;
    private readonly DurableWorkSignal _signal;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    /// <summary>Outbox records this process dispatched whose removal is not yet committed: (instance, message id) → when.</summary>
    private readonly ConcurrentDictionary<(string InstanceId, string MessageId), DateTimeOffset> _dispatched = new();

    public DurableWorker(
        IDurableStore store,
        DurableTaskRegistry registry,
        IServiceProvider services,
        IOptions<DurableOptions> options,
        TimeProvider time,
        DurableWorkSignal signal,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _store = store;
        _registry = registry;
        _services = services;
        _options = options.Value;
        _time = time;
        _signal = signal;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DurableWorker>();
    }

    public IDurableStore Store => _store;

    public DurableOptions Options => _options;

    private const string OrchestrationTag = "orchestration";
    private const string ActivityTag = "activity";

    /// <summary>Runs a step of the instance named by a wake-up message. Never throws for processing failures: the result says what to do with the message.</summary>
    public async Task<WorkItemResult> ProcessOrchestrationMessageAsync(string messageText, long dequeueCount, CancellationToken cancellationToken = default)
    {
        var scope = DurableTelemetry.Start(OrchestrationTag, null, dequeueCount);
        string instanceId;
        try
        {
            instanceId = EngineJson.ParseWakeup(messageText);
        }
        catch (JsonException ex)
        {
            return DurableTelemetry.Finish(scope, new WorkItemResult(WorkItemOutcome.Poison, Reason: $"Malformed wake-up message: {ex.Message}"));
        }

        try
        {
            return DurableTelemetry.Finish(scope, await ProcessInstanceGuardedAsync(instanceId, dequeueCount, cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            DurableTelemetry.Abandon(scope);
            throw;
        }
    }

    /// <summary>Runs the activity of an activity work item and hands its result to the instance.</summary>
    public async Task<WorkItemResult> ProcessActivityMessageAsync(string messageText, long dequeueCount, CancellationToken cancellationToken = default)
    {
        ActivityWorkItem item;
        try
        {
            item = EngineJson.Deserialize<ActivityWorkItem>(messageText);
        }
        catch (JsonException ex)
        {
            var malformed = DurableTelemetry.Start(ActivityTag, null, dequeueCount);
            return DurableTelemetry.Finish(malformed, new WorkItemResult(WorkItemOutcome.Poison, Reason: $"Malformed activity work item: {ex.Message}"));
        }

        var scope = DurableTelemetry.Start(ActivityTag, item.Name, dequeueCount);
        try
        {
            return DurableTelemetry.Finish(scope, await RunActivityGuardedAsync(item, dequeueCount, cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            DurableTelemetry.Abandon(scope);
            throw;
        }
    }

    private async Task<WorkItemResult> RunActivityGuardedAsync(ActivityWorkItem item, long dequeueCount, CancellationToken cancellationToken)
    {
        try
        {
            await RunActivityAsync(item, cancellationToken).ConfigureAwait(false);
            return WorkItemResult.Done;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure is retried and eventually set aside; none may kill the dispatcher.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Failure(ex, WorkItemKind.Activity, dequeueCount);
        }
    }

    /// <summary>Processes one leased message and completes, abandons or sets it aside accordingly.</summary>
    public async Task ProcessLeaseAsync(WorkItemLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var result = lease.Kind == WorkItemKind.Orchestration
            ? await ProcessOrchestrationMessageAsync(lease.MessageText, lease.DequeueCount, cancellationToken).ConfigureAwait(false)
            : await ProcessActivityMessageAsync(lease.MessageText, lease.DequeueCount, cancellationToken).ConfigureAwait(false);
        await ApplyAsync(lease, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Processes a batch of wake-ups: one step per instance however many wake-ups name it.</summary>
    public async Task ProcessOrchestrationLeasesAsync(IReadOnlyList<WorkItemLease> leases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leases);
        foreach (var group in GroupByInstance(leases))
        {
            await ProcessInstanceGroupAsync(group, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Splits wake-ups by instance (malformed messages each form their own group).</summary>
    public static IReadOnlyList<IReadOnlyList<WorkItemLease>> GroupByInstance(IReadOnlyList<WorkItemLease> leases)
    {
        ArgumentNullException.ThrowIfNull(leases);
        return leases.GroupBy(l =>
        {
            try
            {
                return EngineJson.ParseWakeup(l.MessageText);
            }
            catch (JsonException)
            {
                return "\0" + l.MessageId;
            }
        }, StringComparer.Ordinal).Select(g => (IReadOnlyList<WorkItemLease>)[.. g]).ToList();
    }

    /// <summary>One step for the instance all <paramref name="group"/> leases name; then each lease is settled.</summary>
    public async Task ProcessInstanceGroupAsync(IReadOnlyList<WorkItemLease> group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var first = group[0];
        var result = await ProcessOrchestrationMessageAsync(first.MessageText, group.Max(l => l.DequeueCount), cancellationToken).ConfigureAwait(false);
        if (group.Count == 1)
        {
            await ApplyAsync(first, result, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Settling many coalesced wake-ups one after another would hold the instance (and its dispatcher slot) for as many round trips.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentDispatches, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(group, parallel, async (lease, ct) => await ApplyAsync(lease, result, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// A step of the instance without a queue message (the dispatcher's local fast path, after this process appended to
    /// its inbox). Any failure falls back to a wake-up message, so the step is retried from the queue.
    /// </summary>
    internal async Task RunLocalStepAsync(string instanceId, CancellationToken cancellationToken)
    {
        var scope = DurableTelemetry.Start(OrchestrationTag, null, 0);
        try
        {
            await ProcessInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            DurableTelemetry.Finish(scope, WorkItemResult.Done);
            return;
        }
        catch (ConcurrencyConflictException)
        {
            Log.ConcurrencyConflict(_logger, instanceId);
            DurableTelemetry.Finish(scope, new WorkItemResult(WorkItemOutcome.Retry, Reason: "concurrency conflict"));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the inbox row is durable and the sweep of any process finds it.
            DurableTelemetry.Abandon(scope);
            return;
        }
#pragma warning disable CA1031 // Any failure is handed to the queue: the wake-up retries the step (with its dequeue count).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.WorkItemFailed(_logger, ex, "LocalStep", 0);
            DurableTelemetry.Finish(scope, new WorkItemResult(WorkItemOutcome.Retry, Reason: ex.Message));
        }

        await WakeAsync(instanceId, allowLocalStep: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Housekeeping for the timer trigger: wakes instances whose timers are due, whose wake-up was lost or whose outbox is pending.</summary>
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var ids = await _store.FindInstancesNeedingAttentionAsync(now, _options.SweepBatchSize, cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            await _store.SendWakeupAsync(id, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        if (ids.Count > 0)
        {
            _signal.Notify(WorkItemKind.Orchestration);
        }

        DurableTelemetry.SweepWoke.Add(ids.Count);

        PruneDispatched(now);
        Log.SweepWoke(_logger, now, ids.Count);
        return ids.Count;
    }

    private async Task ApplyAsync(WorkItemLease lease, WorkItemResult result, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case WorkItemOutcome.Completed:
                await _store.CompleteAsync(lease, cancellationToken).ConfigureAwait(false);
                break;
            case WorkItemOutcome.Retry:
                await _store.AbandonAsync(lease, result.RetryAfter, cancellationToken).ConfigureAwait(false);
                break;
            default:
                Log.WorkItemPoisoned(_logger, lease.Kind.ToString(), lease.MessageId, lease.DequeueCount, result.Reason ?? "unknown");
                await _store.SetAsidePoisonAsync(lease, result.Reason ?? "unknown", cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task<WorkItemResult> ProcessInstanceGuardedAsync(string instanceId, long dequeueCount, CancellationToken cancellationToken)
    {
        try
        {
            ConsumeWakeups(instanceId);
            await ProcessInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            return WorkItemResult.Done;
        }
        catch (ConcurrencyConflictException)
        {
            Log.ConcurrencyConflict(_logger, instanceId);

            // The winner processed the instance; a wake-up is only a hint, and the sweep finds anything left over.
            return dequeueCount >= _options.MaxDequeueCount ? WorkItemResult.Done : new WorkItemResult(WorkItemOutcome.Retry, TimeSpan.Zero);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure is retried and eventually set aside; none may kill the dispatcher.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Failure(ex, WorkItemKind.Orchestration, dequeueCount);
        }
    }

    private WorkItemResult Failure(Exception ex, WorkItemKind kind, long dequeueCount)
    {
        if (dequeueCount >= _options.MaxDequeueCount)
        {
            return new WorkItemResult(WorkItemOutcome.Poison, Reason: $"Failed {dequeueCount} times; last error: {ex.GetType().FullName}: {ex.Message}");
        }

        Log.WorkItemFailed(_logger, ex, kind.ToString(), dequeueCount);
        var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, dequeueCount), 60));
        return new WorkItemResult(WorkItemOutcome.Retry, backoff, ex.Message);
    }

    private void PruneDispatched(DateTimeOffset now)
    {
        foreach (var entry in _dispatched)
        {
            if (entry.Value < now - TimeSpan.FromHours(1))
            {
                _dispatched.TryRemove(entry.Key, out _);
            }
        }
    }
}
