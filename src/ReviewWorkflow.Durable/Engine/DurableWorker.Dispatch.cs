using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Engine;

public sealed partial class DurableWorker
{
    /// <summary>Outbox records of one step handed on at once: sends overlap so a fan-out's messages form receive batches.</summary>
    internal const int MaxConcurrentDispatches = 16;

    /// <summary>
    /// Zero-delay wake-ups this process sent that no step of this process has consumed yet: instance → when sent. While one
    /// is pending (and younger than <see cref="WakeupCoalescingWindow"/>), another wake-up for the instance is not sent: the
    /// step the pending one starts reads the partition after everything appended before it.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _pendingWakeups = new(StringComparer.Ordinal);

    /// <summary>Instances whose wake-up was skipped because one was pending: instance → when first skipped.
    /// If the pending one goes to another process, <see cref="FlushOwedWakeupsAsync"/> sends the wake-up after all.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _owedWakeups = new(StringComparer.Ordinal);

    /// <summary>In-process dispatcher for the local fast path; set by <see cref="DurableHostedService"/> while it runs.</summary>
    internal ILocalDispatcher? LocalDispatcher { get; set; }

    /// <summary>How long a pending wake-up of this process stands in for later ones (then they are sent anyway).</summary>
    internal TimeSpan WakeupCoalescingWindow => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, _options.PollingInterval.Ticks * 2));

    private async Task DispatchAllAsync(string instanceId, IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 1)
        {
            await DispatchAsync(instanceId, records[0], cancellationToken).ConfigureAwait(false);
        }
        else if (records.Count > 1)
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentDispatches, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(records, parallel, async (record, ct) => await DispatchAsync(instanceId, record, ct).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    /// <summary>Hands on one outbox record. Idempotent: dispatching a record twice has no further effect on instances.</summary>
    private async Task DispatchAsync(string instanceId, OutboxRecord record, CancellationToken cancellationToken)
    {
        switch (record.Kind)
        {
            case OutboxKind.Activity:
                if (await TryDispatchActivityLocallyAsync(instanceId, record, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                await _store.SendActivityAsync(record.Json, cancellationToken).ConfigureAwait(false);
                _signal.Notify(WorkItemKind.Activity);
                break;
            case OutboxKind.InstanceMessage:
                var target = record.TargetInstanceId ?? instanceId;
                var e = EngineJson.Parse(record.Json);
                if (await _store.TryAppendInboxAsync(target, new InboxRecord(record.MessageId, e.EventType, record.Json), cancellationToken).ConfigureAwait(false))
                {
                    await WakeAsync(target, allowLocalStep: true, cancellationToken).ConfigureAwait(false);
                }

                break;
            case OutboxKind.CreateInstance:
                var payload = EngineJson.Deserialize<CreateInstancePayload>(record.Json);
                if (await _store.TryCreateInstanceAsync(payload.Record, payload.Start, cancellationToken).ConfigureAwait(false))
                {
                    await WakeAsync(payload.Record.InstanceId, allowLocalStep: true, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    Log.TargetExists(_logger, instanceId, payload.Record.InstanceId);
                }

                break;
            case OutboxKind.Wakeup:
                var due = record.DueAt ?? _time.GetUtcNow();
                await _store.SendWakeupAsync(record.TargetInstanceId ?? instanceId, due - _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Unknown outbox kind {record.Kind}.");
        }

        _dispatched[(instanceId, record.MessageId)] = _time.GetUtcNow();
    }

    /// <summary>
    /// Local fast path: the activity work item is enqueued already leased to this process (invisible to every poller) and
    /// runs here at once; its queue message is deleted when the result is appended. If this process dies first, the lease
    /// runs out and the message is delivered from the queue like any other (at-least-once, as before).
    /// </summary>
    private async Task<bool> TryDispatchActivityLocallyAsync(string instanceId, OutboxRecord record, CancellationToken cancellationToken)
    {
        if (!_options.EnableLocalFastPath || LocalDispatcher is not { } local || !local.TryReserveActivitySlot())
        {
            return false;
        }

        WorkItemLease? lease = null;
        try
        {
            lease = await _store.SendActivityLeasedAsync(record.Json, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (lease is null)
            {
                local.ReleaseActivitySlot();
            }
        }

        if (lease is null)
        {
            return false;
        }

        _dispatched[(instanceId, record.MessageId)] = _time.GetUtcNow();
        local.RunActivity(lease);
        return true;
    }

    /// <summary>
    /// Makes sure a step of <paramref name="instanceId"/> starts after this call: directly in this process when the local
    /// dispatcher can take it (the appended inbox row is durable; if this process dies, the sweep finds it), otherwise
    /// with a wake-up message — unless this process already has an unconsumed wake-up for the instance.
    /// </summary>
    private async Task WakeAsync(string instanceId, bool allowLocalStep, CancellationToken cancellationToken)
    {
        if (allowLocalStep && _options.EnableLocalFastPath && LocalDispatcher?.TryRunStep(instanceId) == true)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (_pendingWakeups.TryGetValue(instanceId, out var sentAt) && now - sentAt < WakeupCoalescingWindow)
        {
            _owedWakeups.TryAdd(instanceId, now);
            return;
        }

        await SendWakeupNowAsync(instanceId, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendWakeupNowAsync(string instanceId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        _pendingWakeups[instanceId] = now;
        _owedWakeups.TryRemove(instanceId, out _);
        try
        {
            await _store.SendWakeupAsync(instanceId, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _pendingWakeups.TryRemove(new KeyValuePair<string, DateTimeOffset>(instanceId, now));
            throw;
        }

        _signal.Notify(WorkItemKind.Orchestration);
    }

    /// <summary>A step of the instance is about to read its partition: wake-ups sent so far by this process are consumed.</summary>
    private void ConsumeWakeups(string instanceId)
    {
        _pendingWakeups.TryRemove(instanceId, out _);
        _owedWakeups.TryRemove(instanceId, out _);
    }

    /// <summary>
    /// Sends the wake-ups skipped in favour of a pending one that this process has not received within
    /// <see cref="WakeupCoalescingWindow"/> (another process took it, or it was lost). Called by the dispatcher loop;
    /// the sweep covers hosts that never call it.
    /// </summary>
    internal async Task FlushOwedWakeupsAsync(CancellationToken cancellationToken)
    {
        if (_owedWakeups.IsEmpty)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var (instanceId, _) in _owedWakeups)
        {
            if (!_pendingWakeups.TryGetValue(instanceId, out var sentAt) || now - sentAt >= WakeupCoalescingWindow)
            {
                await SendWakeupNowAsync(instanceId, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>The in-process side of the built-in dispatcher, used by the worker's local fast path.</summary>
internal interface ILocalDispatcher
{
    /// <summary>Takes an activity slot if one is free right now.</summary>
    bool TryReserveActivitySlot();

    void ReleaseActivitySlot();

    /// <summary>Runs a leased activity work item in the background on a reserved slot (released when done).</summary>
    void RunActivity(WorkItemLease lease);

    /// <summary>Starts a step of the instance now, or after the step of it that is running finishes. False if no slot is free.</summary>
    bool TryRunStep(string instanceId);
}
