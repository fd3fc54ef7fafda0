// STORE CONTRACT — implemented by InMemoryDurableStore and AzureStorageDurableStore, verified by ONE contract test suite.
namespace ReviewWorkflow.Durable.Store;

/// <summary>
/// Persistence and wake-ups for the durable runtime. One instance = one partition holding its status row,
/// history, inbox and outbox. All state changes of a step go through <see cref="CommitAsync"/>, atomically and
/// guarded by the status row's ETag, so two workers can never both commit a step of one instance.
/// Queue operations only wake instances or carry activities: losing or duplicating one loses nothing.
/// Implementations must accept payloads of any realistic size (offloading/chunking when a property or message
/// limit would be exceeded) and commits of any number of operations (e.g. 500 activities in one step).
/// </summary>
public interface IDurableStore
{
    /// <summary>Create tables/queues if missing. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    // ---- instance partition ----

    /// <summary>Creates the status row and the start message atomically. False if the instance already exists.</summary>
    Task<bool> TryCreateInstanceAsync(InstanceRecord record, InboxRecord startMessage, CancellationToken cancellationToken = default);

    /// <summary>Status row only (cheap); null if the instance does not exist.</summary>
    Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Status row, committed history (ordered by sequence), inbox and outbox; null if the instance does not exist.</summary>
    Task<InstanceSnapshot?> ReadInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="commit"/> atomically if the status row still has <paramref name="expectedETag"/>;
    /// otherwise throws <see cref="ConcurrencyConflictException"/> and changes nothing. Returns the new ETag.
    /// Also refreshes the instance index (best effort; the sweep repairs it).</summary>
    Task<string> CommitAsync(string instanceId, string expectedETag, InstanceCommit commit, CancellationToken cancellationToken = default);

    /// <summary>Adds a message to an instance's inbox. Idempotent on <see cref="InboxRecord.MessageId"/>.
    /// False if the instance does not exist or the message id is already present (or was already consumed
    /// — the engine also dedupes against history).</summary>
    Task<bool> TryAppendInboxAsync(string instanceId, InboxRecord message, CancellationToken cancellationToken = default);

    /// <summary>Deletes everything of an instance (partition and index row). False if it did not exist.</summary>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    // ---- instance index ----

    Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken = default);

    /// <summary>Instances whose <see cref="InstanceRecord.NextWakeAt"/> is at or before <paramref name="dueBy"/>,
    /// or with pending outbox, or Pending/Running with unconsumed inbox — the sweep wakes them.</summary>
    Task<IReadOnlyList<string>> FindInstancesNeedingAttentionAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default);

    // ---- work queues ----

    /// <summary>Enqueue a wake-up for an instance, invisible for <paramref name="delay"/> (capped by the store at its
    /// queue limit — 7 days for Azure queues; the engine re-arms longer timers).</summary>
    Task SendWakeupAsync(string instanceId, TimeSpan delay, CancellationToken cancellationToken = default);

    /// <summary>Enqueue an activity work item (opaque JSON from the engine).</summary>
    Task SendActivityAsync(string activityJson, CancellationToken cancellationToken = default);

    /// <summary>Enqueue an activity work item that is already leased to the caller: invisible for <paramref name="leaseDuration"/>,
    /// so the caller can run it at once and complete the lease; if the caller dies, it is delivered from the queue when the
    /// lease runs out. Null when the store cannot do this (the caller then uses <see cref="SendActivityAsync"/>).</summary>
    Task<WorkItemLease?> SendActivityLeasedAsync(string activityJson, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
        Task.FromResult<WorkItemLease?>(null);

    Task<IReadOnlyList<WorkItemLease>> ReceiveAsync(WorkItemKind kind, int maxMessages, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>
    /// The lease for a work item that something other than <see cref="ReceiveAsync"/> took from this store's queue — the
    /// Functions host's queue trigger hands over the message id, pop receipt, text and dequeue count. The queue text may
    /// be the store's reference to a payload it offloaded (see <see cref="SendActivityAsync"/>); the lease returned carries
    /// the engine's JSON, exactly as <see cref="ReceiveAsync"/> would have, and a receipt with which
    /// <see cref="CompleteAsync"/> and <see cref="SetAsidePoisonAsync"/> deal with the payload too: when the lease's
    /// <see cref="WorkItemLease.Receipt"/> differs from <paramref name="popReceipt"/>, the store holds more than the queue
    /// message, and the receiver settles the work item through the store rather than by deleting the message alone. Null
    /// when the text references a payload that no longer exists. Stores that never offload return the message as it is.
    /// </summary>
    Task<WorkItemLease?> ResolveReceivedAsync(WorkItemKind kind, string messageId, string popReceipt, string messageText, long dequeueCount, CancellationToken cancellationToken = default) =>
        Task.FromResult<WorkItemLease?>(new WorkItemLease(kind, messageId, popReceipt, messageText, dequeueCount));

    /// <summary>Delete a processed work item. A lease that already expired and was re-received is ignored.</summary>
    Task CompleteAsync(WorkItemLease lease, CancellationToken cancellationToken = default);

    /// <summary>Make a work item visible again after <paramref name="delay"/>.</summary>
    Task AbandonAsync(WorkItemLease lease, TimeSpan delay, CancellationToken cancellationToken = default);

    /// <summary>Move a work item that failed too often to the poison store, with the reason, and delete it from its queue.</summary>
    Task SetAsidePoisonAsync(WorkItemLease lease, string reason, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PoisonRecord>> GetPoisonAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Approximate count of visible+invisible messages on a work queue, for health and metrics.</summary>
    Task<int> GetBacklogAsync(WorkItemKind kind, CancellationToken cancellationToken = default);
}
