// STORE CONTRACT — shared by the engine, the in-memory backend and the Azure Storage backend.
// Payloads are opaque JSON strings to the store: the engine owns the event model, the store owns persistence.
namespace ReviewWorkflow.Durable.Store;

/// <summary>The status row of an instance: the single source of truth and the optimistic-concurrency anchor.</summary>
public sealed record InstanceRecord
{
    public required string InstanceId { get; init; }
    public required string Name { get; init; }
    public string? Version { get; init; }
    public required string ExecutionId { get; init; }
    public required OrchestrationRuntimeStatus RuntimeStatus { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public string? CustomStatus { get; init; }
    /// <summary>JSON of the failure details when <see cref="RuntimeStatus"/> is Failed.</summary>
    public string? FailureDetails { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset LastUpdatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? ScheduledStartAt { get; init; }
    public string? ParentInstanceId { get; init; }
    /// <summary>Incremented by ContinueAsNew.</summary>
    public int Generation { get; init; }
    /// <summary>Number of committed history records (sequence numbers 0..HistoryCount-1 are valid).</summary>
    public int HistoryCount { get; init; }
    /// <summary>Number of committed steps (episodes); lets stores tag rows written by a step.</summary>
    public long StepCount { get; init; }
    /// <summary>Earliest time something in the inbox becomes due (timers), for the sweep; null if nothing pending.</summary>
    public DateTimeOffset? NextWakeAt { get; init; }
    /// <summary>True while outbox records are waiting to be dispatched; the sweep re-dispatches them.</summary>
    public bool HasPendingOutbox { get; init; }
    /// <summary>Opaque concurrency token set by the store on read; ignored on write.</summary>
    public string? ETag { get; init; }
}

/// <summary>One history event, serialized by the engine. <see cref="Sequence"/> is 0-based and dense.</summary>
public sealed record HistoryRecord(int Sequence, string EventType, string Json);

/// <summary>A message waiting for an instance (activity result, external event, timer, start, terminate...).
/// <see cref="MessageId"/> is deterministic and the dedupe key: appending the same id twice stores it once.
/// <see cref="VisibleAt"/> is when it becomes due (timers); null means now.</summary>
public sealed record InboxRecord(string MessageId, string EventType, string Json, DateTimeOffset? VisibleAt = null);

/// <summary>What an outbox record asks the dispatcher to do after the step commits.</summary>
public enum OutboxKind
{
    /// <summary>Run an activity: enqueue <see cref="OutboxRecord.Json"/> as an activity work item.</summary>
    Activity,
    /// <summary>Deliver an inbox message to another instance (events, sub-orchestration results).</summary>
    InstanceMessage,
    /// <summary>Create another instance (sub-orchestration) with a start message.</summary>
    CreateInstance,
    /// <summary>Wake this instance at <see cref="OutboxRecord.DueAt"/> (durable timer).</summary>
    Wakeup,
}

/// <summary>Work a committed step still has to hand on. Dispatching is idempotent; records are removed by a later commit.</summary>
public sealed record OutboxRecord(string MessageId, OutboxKind Kind, string? TargetInstanceId, string Json, DateTimeOffset? DueAt = null);

/// <summary>Everything committed for an instance, as of one read.</summary>
public sealed record InstanceSnapshot(
    InstanceRecord Record,
    IReadOnlyList<HistoryRecord> History,
    IReadOnlyList<InboxRecord> Inbox,
    IReadOnlyList<OutboxRecord> Outbox);

/// <summary>One step's changes. Applied atomically by <see cref="IDurableStore.CommitAsync"/>.</summary>
public sealed record InstanceCommit
{
    /// <summary>The new status row (HistoryCount, StepCount etc. already advanced by the engine).</summary>
    public required InstanceRecord Record { get; init; }
    /// <summary>History to append (or, with <see cref="ReplaceHistory"/>, the complete new history).</summary>
    public IReadOnlyList<HistoryRecord> AppendHistory { get; init; } = [];
    /// <summary>True for ContinueAsNew: all previous history is discarded.</summary>
    public bool ReplaceHistory { get; init; }
    /// <summary>Inbox message ids consumed by this step.</summary>
    public IReadOnlyList<string> ConsumedInbox { get; init; } = [];
    public IReadOnlyList<OutboxRecord> AddOutbox { get; init; } = [];
    public IReadOnlyList<string> RemoveOutbox { get; init; } = [];
    /// <summary>Inbox messages this instance sends to itself (e.g. re-buffered events after ContinueAsNew).</summary>
    public IReadOnlyList<InboxRecord> AddInbox { get; init; } = [];
}

/// <summary>Which queue a work item came from.</summary>
public enum WorkItemKind
{
    /// <summary>Wake an instance; the message text is the instance id (or a small JSON naming it).</summary>
    Orchestration,
    /// <summary>Run an activity; the message text is the activity JSON (or a reference to an offloaded payload).</summary>
    Activity,
}

/// <summary>A received queue message, leased until completed, abandoned or its lease runs out.</summary>
public sealed record WorkItemLease(WorkItemKind Kind, string MessageId, string Receipt, string MessageText, long DequeueCount);

/// <summary>A work item that failed too many times and was set aside (never silently dropped).</summary>
public sealed record PoisonRecord(WorkItemKind Kind, string MessageId, string MessageText, long DequeueCount, string Reason, DateTimeOffset SetAsideAt);

/// <summary>Filter for instance queries (all conditions AND-ed; null = any).</summary>
public sealed record InstanceFilter
{
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }
    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedTo { get; init; }
    public string? InstanceIdPrefix { get; init; }
}

public sealed record InstancePage(IReadOnlyList<InstanceRecord> Instances, string? ContinuationToken);

/// <summary>The step's commit lost the race: another worker committed first. The work item should be retried.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException() : base("Another worker committed a step of this instance first.") { }
    public ConcurrencyConflictException(string message) : base(message) { }
    public ConcurrencyConflictException(string message, Exception inner) : base(message, inner) { }
}
