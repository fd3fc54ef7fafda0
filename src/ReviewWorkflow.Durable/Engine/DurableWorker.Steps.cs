using Microsoft.Extensions.Logging;
using ReviewWorkflow.Durable.Execution;
using ReviewWorkflow.Durable.History;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Engine;

public sealed partial class DurableWorker
{
    /// <summary>
    /// One step of an instance: read its partition, take the due inbox messages, replay, commit once, then dispatch
    /// the outbox (concurrently). The dispatched records are removed by the next step's commit, or by a second small
    /// commit when the step ends the instance or waits on more than its activities. A crash after the commit leaves the outbox pending;
    /// the next wake-up or the sweep dispatches it again (idempotently) after <see cref="DurableOptions.OutboxRedispatchDelay"/>.
    /// </summary>
    internal async Task ProcessInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var snapshot = await _store.ReadInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);

        // ContinueAsNew starts the next generation at once from the snapshot we just committed (no re-read).
        for (var round = 0; snapshot is not null && round < 100; round++)
        {
            var plan = new StepPlanner(this, snapshot, _time.GetUtcNow()).Plan();
            foreach (var stale in plan.Redispatch)
            {
                Log.OutboxRedispatched(_logger, instanceId, stale.MessageId);
            }

            await DispatchAllAsync(instanceId, plan.Redispatch, cancellationToken).ConfigureAwait(false);

            if (plan.Commit is null)
            {
                if (plan.WakeAt is { } rearm)
                {
                    await _store.SendWakeupAsync(instanceId, rearm - _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            var etag = await _store.CommitAsync(instanceId, snapshot.Record.ETag!, plan.Commit, cancellationToken).ConfigureAwait(false);
            foreach (var removed in plan.Commit.RemoveOutbox)
            {
                _dispatched.TryRemove((instanceId, removed), out _);
            }

            Log.StepCommitted(_logger, instanceId, plan.Commit.Record.StepCount, plan.Commit.AppendHistory.Count, plan.Commit.AddOutbox.Count, plan.Commit.Record.RuntimeStatus);
            snapshot = Applied(snapshot, plan.Commit, etag);

            if (plan.Commit.AddOutbox.Count > 0)
            {
                await DispatchAllAsync(instanceId, plan.Commit.AddOutbox, cancellationToken).ConfigureAwait(false);

                // Dispatched records are normally removed by the next step's commit (it knows them as dispatched), which
                // saves a transaction per step. A separate clean-up commit is kept only when no next step is expected
                // soon: the instance ended, or it waits on something other than its activities (a sub-orchestration
                // or an event sent elsewhere may take months, and the pending flag would keep the sweep busy).
                if (NeedsCleanupCommit(plan.Commit))
                {
                    snapshot = await ClearOutboxAsync(snapshot, plan.Commit.AddOutbox, cancellationToken).ConfigureAwait(false);
                }
            }

            if (plan.WakeAt is { } wakeAt)
            {
                await _store.SendWakeupAsync(instanceId, wakeAt - _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                _signal.Notify(WorkItemKind.Orchestration);
            }

            if (!plan.ContinueImmediately)
            {
                return;
            }
        }
    }

    /// <summary>True when the step's dispatched outbox must be cleared by its own second commit rather than by the next step.</summary>
    private static bool NeedsCleanupCommit(InstanceCommit commit) =>
        commit.Record.RuntimeStatus is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending)
        || commit.AddOutbox.Any(o => o.Kind != OutboxKind.Activity);

    /// <summary>The cheap second commit of a step: forget outbox records just dispatched.</summary>
    private async Task<InstanceSnapshot> ClearOutboxAsync(InstanceSnapshot snapshot, IReadOnlyList<OutboxRecord> dispatched, CancellationToken cancellationToken)
    {
        var ids = dispatched.Select(o => o.MessageId).ToHashSet(StringComparer.Ordinal);
        var commit = new InstanceCommit
        {
            Record = snapshot.Record with
            {
                HasPendingOutbox = snapshot.Outbox.Any(o => !ids.Contains(o.MessageId)),
                StepCount = snapshot.Record.StepCount + 1,
                ETag = null,
            },
            RemoveOutbox = [.. ids],
        };
        try
        {
            var etag = await _store.CommitAsync(snapshot.Record.InstanceId, snapshot.Record.ETag!, commit, cancellationToken).ConfigureAwait(false);
            foreach (var id in ids)
            {
                _dispatched.TryRemove((snapshot.Record.InstanceId, id), out _);
            }

            return Applied(snapshot, commit, etag);
        }
        catch (ConcurrencyConflictException)
        {
            // Another step got in first; it (or a later one) removes these records, knowing they were dispatched.
            Log.CleanupConflict(_logger, snapshot.Record.InstanceId);
            return snapshot;
        }
    }

    /// <summary>The snapshot as it is after <paramref name="commit"/>, computed locally instead of read back.</summary>
    private static InstanceSnapshot Applied(InstanceSnapshot before, InstanceCommit commit, string etag)
    {
        var consumed = commit.ConsumedInbox.ToHashSet(StringComparer.Ordinal);
        var removed = commit.RemoveOutbox.ToHashSet(StringComparer.Ordinal);
        return new InstanceSnapshot(
            commit.Record with { ETag = etag },
            commit.ReplaceHistory ? [.. commit.AppendHistory] : [.. before.History, .. commit.AppendHistory],
            [.. before.Inbox.Where(m => !consumed.Contains(m.MessageId)), .. commit.AddInbox],
            [.. before.Outbox.Where(o => !removed.Contains(o.MessageId)), .. commit.AddOutbox]);
    }

    /// <summary>True if this outbox record is known to have been dispatched already.</summary>
    private bool IsKnownDispatched(string instanceId, OutboxRecord record, ISet<string> seenMessageIds) =>
        _dispatched.ContainsKey((instanceId, record.MessageId))
        || (record.Kind == OutboxKind.Activity && seenMessageIds.Contains(record.MessageId + "|result"));

    internal ILogger LoggerInternal => _logger;

    internal bool IsKnownDispatchedInternal(string instanceId, OutboxRecord record, ISet<string> seenMessageIds) => IsKnownDispatched(instanceId, record, seenMessageIds);

    /// <summary>Replays <paramref name="started"/>'s orchestrator (name and version from history) over the step's events.</summary>
    internal ExecutionResult Execute(ExecutionStarted started, string instanceId, IReadOnlyList<HistoryEvent> past, IReadOnlyList<HistoryEvent> newEvents)
    {
        if (!_registry.TryGetOrchestrator(started.Name, started.Version, out var factory))
        {
            return new ExecutionResult
            {
                NewActions = [],
                Completion = OrchestrationRuntimeStatus.Failed,
                Failure = new TaskFailureDetails(
                    "OrchestratorTaskNotFound",
                    $"No orchestrator named '{started.Name}' with version '{started.Version}' is registered in this process.",
                    IsNonRetriable: true),
            };
        }

        return OrchestrationExecutor.Execute(factory(_services), instanceId, past, newEvents, _loggerFactory, name => _registry.LatestVersion(name), _options.MaximumTimerInterval);
    }
}
