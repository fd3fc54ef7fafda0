using System.Text.Json;
using ReviewWorkflow.Durable.Execution;
using ReviewWorkflow.Durable.History;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Engine;

/// <summary>What a step will do: stale outbox to dispatch first, the commit, and when to wake up next.</summary>
internal sealed record StepPlan(InstanceCommit? Commit, IReadOnlyList<OutboxRecord> Redispatch, DateTimeOffset? WakeAt, bool ContinueImmediately);

/// <summary>
/// Decides one step of one instance from a snapshot, without I/O: dedupes the due inbox messages, handles
/// terminate/suspend/resume, replays the orchestrator over history plus the new events, and turns the result
/// into a single <see cref="InstanceCommit"/>.
/// </summary>
internal sealed partial class StepPlanner
{
    private readonly DurableWorker _worker;
    private readonly InstanceSnapshot _snapshot;
    private readonly InstanceRecord _record;
    private readonly DateTimeOffset _now;
    private readonly List<HistoryEvent> _history;
    private readonly List<(InboxRecord Row, HistoryEvent Event)> _inbox;
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);
    private readonly List<string> _removeOutbox = [];
    private readonly List<OutboxRecord> _redispatch = [];
    private int _keptOutbox;

    public StepPlanner(DurableWorker worker, InstanceSnapshot snapshot, DateTimeOffset now)
    {
        _worker = worker;
        _snapshot = snapshot;
        _record = snapshot.Record;
        _now = now;
        _history = [.. snapshot.History.Select(h => EngineJson.Parse(h.Json))];
        _inbox = [.. snapshot.Inbox.Select(m => (m, ParseInbox(m)))];
    }

    private string InstanceId => _record.InstanceId;

    public StepPlan Plan()
    {
        SortOutbox();
        if (IsTerminal(_record.RuntimeStatus))
        {
            foreach (var (row, e) in _inbox)
            {
                Drop(row, e, $"the instance is {_record.RuntimeStatus}");
            }

            return Housekeeping(_record.RuntimeStatus);
        }

        var due = _inbox
            .Where(m => m.Row.VisibleAt is null || m.Row.VisibleAt <= _now)
            .OrderBy(m => m.Event is ExecutionStarted ? 0 : 1)
            .ThenBy(m => m.Event.Timestamp)
            .ThenBy(m => m.Row.MessageId, StringComparer.Ordinal)
            .ToList();

        if (due.FirstOrDefault(m => m.Event is ExecutionTerminated) is { Row: not null } terminate)
        {
            return Terminate(terminate.Row, (ExecutionTerminated)terminate.Event);
        }

        var (suspended, control) = SuspendResume(due);
        if (suspended)
        {
            return Suspended(control);
        }

        var toProcess = TakeProcessable(due);
        if (toProcess.Count == 0 && control.Count == 0)
        {
            return Housekeeping(_record.RuntimeStatus);
        }

        return Replay([new OrchestratorStarted { Timestamp = _now }, .. control, .. toProcess]);
    }

    /// <summary>Outbox records left by earlier steps: drop the ones known dispatched, re-dispatch the ones presumed lost.</summary>
    private void SortOutbox()
    {
        var seen = _history.Select(h => h.MessageId).Concat(_snapshot.Inbox.Select(m => m.MessageId)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var o in _snapshot.Outbox)
        {
            if (_worker.IsKnownDispatchedInternal(InstanceId, o, seen))
            {
                _removeOutbox.Add(o.MessageId);
            }
            else if (_record.LastUpdatedAt + _worker.Options.OutboxRedispatchDelay <= _now)
            {
                _redispatch.Add(o);
                _removeOutbox.Add(o.MessageId);
            }
            else
            {
                _keptOutbox++;
            }
        }
    }

    private (bool Suspended, List<HistoryEvent> Control) SuspendResume(List<(InboxRecord Row, HistoryEvent Event)> due)
    {
        var suspended = _record.RuntimeStatus == OrchestrationRuntimeStatus.Suspended;
        var control = new List<HistoryEvent>();
        foreach (var (row, e) in due.Where(m => m.Event is ExecutionSuspended or ExecutionResumed))
        {
            _consumed.Add(row.MessageId);
            if (e is ExecutionSuspended != suspended)
            {
                suspended = !suspended;
                control.Add(e with { MessageId = row.MessageId, Timestamp = _now });
            }
        }

        return (suspended, control);
    }

    /// <summary>The due messages this step applies, after dropping duplicates, stale and misdirected ones.</summary>
    private List<HistoryEvent> TakeProcessable(List<(InboxRecord Row, HistoryEvent Event)> due)
    {
        var started = _history.OfType<ExecutionStarted>().Any();
        var seenIds = _history.Select(h => h.MessageId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var scheduled = _history.Select(h => h switch { TaskScheduled t => t.EventId, SubOrchestrationInstanceCreated s => s.EventId, _ => -1 }).Where(i => i >= 0).ToHashSet();
        var closed = _history.Select(TaskIdOfResult).Where(i => i >= 0).ToHashSet();
        var timers = _history.OfType<TimerCreated>().Select(t => t.EventId).ToHashSet();
        var fired = _history.OfType<TimerFired>().Select(t => t.TimerId).ToHashSet();
        var result = new List<HistoryEvent>();
        foreach (var (row, raw) in due.Where(m => m.Event is not (ExecutionSuspended or ExecutionResumed or ExecutionTerminated)))
        {
            var e = raw with { MessageId = row.MessageId };
            var drop = e switch
            {
                _ when e.ExecutionId is not null && e.ExecutionId != _record.ExecutionId => "it was meant for an earlier execution",
                _ when !seenIds.Add(row.MessageId) => "it is a duplicate",
                ExecutionStarted when started => "the instance has already started",
                TaskCompleted or TaskFailed or SubOrchestrationInstanceCompleted or SubOrchestrationInstanceFailed when !scheduled.Contains(TaskIdOfResult(e)) => "no such task was scheduled",
                TaskCompleted or TaskFailed or SubOrchestrationInstanceCompleted or SubOrchestrationInstanceFailed when !closed.Add(TaskIdOfResult(e)) => "the task already has a result",
                TimerFired t when !timers.Contains(t.TimerId) || !fired.Add(t.TimerId) => "no such timer is pending",
                _ => null,
            };
            if (drop is not null)
            {
                Drop(row, e, drop);
                continue;
            }

            if (e is ExecutionStarted)
            {
                started = true;
            }
            else if (!started)
            {
                // Events that arrive before the start message is due wait in the inbox.
                continue;
            }

            _consumed.Add(row.MessageId);
            result.Add(e);
        }

        return result;
    }

    private static int TaskIdOfResult(HistoryEvent e) => e switch
    {
        TaskCompleted c => c.TaskScheduledId,
        TaskFailed f => f.TaskScheduledId,
        SubOrchestrationInstanceCompleted c => c.TaskScheduledId,
        SubOrchestrationInstanceFailed f => f.TaskScheduledId,
        _ => -1,
    };

    private void Drop(InboxRecord row, HistoryEvent e, string reason)
    {
        _consumed.Add(row.MessageId);
        Log.MessageDropped(_worker.LoggerInternal, InstanceId, row.MessageId, e.EventType, reason);
    }

    private static bool IsTerminal(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled;

    private static HistoryEvent ParseInbox(InboxRecord row)
    {
        try
        {
            return EngineJson.Parse(row.Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Inbox message '{row.MessageId}' is not a valid history event: {ex.Message}", ex);
        }
    }

    private ExecutionStarted? FindStarted() =>
        _history.OfType<ExecutionStarted>().FirstOrDefault() ?? _inbox.Select(m => m.Event).OfType<ExecutionStarted>().FirstOrDefault();

    /// <summary>No replay: only consumed (dropped) messages and outbox bookkeeping, if anything.</summary>
    private StepPlan Housekeeping(OrchestrationRuntimeStatus status)
    {
        if (_consumed.Count == 0 && _removeOutbox.Count == 0)
        {
            var rearm = status == OrchestrationRuntimeStatus.Pending && _record.NextWakeAt > _now ? _record.NextWakeAt : null;
            return new StepPlan(null, _redispatch, rearm, false);
        }

        var record = _record with
        {
            StepCount = _record.StepCount + 1,
            HasPendingOutbox = _keptOutbox > 0,
            NextWakeAt = IsTerminal(status) ? null : NextWakeAt([]),
            ETag = null,
        };
        return new StepPlan(new InstanceCommit { Record = record, ConsumedInbox = [.. _consumed], RemoveOutbox = [.. _removeOutbox] }, _redispatch, null, false);
    }

    private DateTimeOffset? NextWakeAt(IEnumerable<InboxRecord> added) =>
        _snapshot.Inbox.Where(m => !_consumed.Contains(m.MessageId)).Concat(added)
            .Select(m => m.VisibleAt ?? _now).Select(t => (DateTimeOffset?)t).Min();

    private InstanceCommit Commit(InstanceRecord record, List<HistoryEvent> appended, List<OutboxRecord> addOutbox, List<InboxRecord> addInbox, bool replaceHistory = false)
    {
        var first = replaceHistory ? 0 : _history.Count;
        return new InstanceCommit
        {
            Record = record with
            {
                HistoryCount = first + (replaceHistory ? 0 : appended.Count),
                StepCount = _record.StepCount + 1,
                LastUpdatedAt = _now,
                HasPendingOutbox = _keptOutbox + addOutbox.Count > 0,
                ETag = null,
            },
            AppendHistory = replaceHistory ? [] : [.. appended.Select((e, i) => EngineJson.ToHistoryRecord(first + i, e))],
            ReplaceHistory = replaceHistory,
            ConsumedInbox = [.. _consumed],
            AddInbox = addInbox,
            AddOutbox = addOutbox,
            RemoveOutbox = [.. _removeOutbox],
        };
    }
}
