using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Testing;

namespace ReviewWorkflow.Durable.Tests.Testing;

/// <summary>A store decorator that injects faults: crashes after commits, lost wake-ups, failing appends; and counts calls.</summary>
public sealed class FaultyStore(IDurableStore inner) : IDurableStore, IDurableStoreDecorator
{
    public IDurableStore Inner => inner;

    /// <summary>Throw after the N-th next successful commit matching the predicate (simulates a crash between commit and dispatch).</summary>
    public Func<string, InstanceCommit, bool>? CrashAfterCommit { get; set; }

    /// <summary>Drop (lose) wake-ups matching the predicate.</summary>
    public Func<string, TimeSpan, bool>? DropWakeup { get; set; }

    /// <summary>Throw on inbox appends matching the predicate.</summary>
    public Func<string, InboxRecord, bool>? FailAppend { get; set; }

    public int Commits { get; private set; }

    public int ActivitiesSent { get; private set; }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task<bool> TryCreateInstanceAsync(InstanceRecord record, InboxRecord startMessage, CancellationToken cancellationToken = default) => inner.TryCreateInstanceAsync(record, startMessage, cancellationToken);

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => inner.GetInstanceAsync(instanceId, cancellationToken);

    public Task<InstanceSnapshot?> ReadInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => inner.ReadInstanceAsync(instanceId, cancellationToken);

    /// <summary>Commits that lost the ETag race (<see cref="ConcurrencyConflictException"/>).</summary>
    public int Conflicts => Volatile.Read(ref _conflicts);

    private int _conflicts;

    public async Task<string> CommitAsync(string instanceId, string expectedETag, InstanceCommit commit, CancellationToken cancellationToken = default)
    {
        string etag;
        try
        {
            etag = await inner.CommitAsync(instanceId, expectedETag, commit, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }

        Commits++;
        if (CrashAfterCommit?.Invoke(instanceId, commit) == true)
        {
            CrashAfterCommit = null;
            throw new IOException("Simulated crash after commit, before dispatch.");
        }

        return etag;
    }

    public Task<bool> TryAppendInboxAsync(string instanceId, InboxRecord message, CancellationToken cancellationToken = default) =>
        FailAppend?.Invoke(instanceId, message) == true
            ? throw new IOException("Simulated storage failure on inbox append.")
            : inner.TryAppendInboxAsync(instanceId, message, cancellationToken);

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => inner.PurgeInstanceAsync(instanceId, cancellationToken);

    public Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) => inner.QueryInstancesAsync(filter, pageSize, continuationToken, cancellationToken);

    public Task<IReadOnlyList<string>> FindInstancesNeedingAttentionAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default) => inner.FindInstancesNeedingAttentionAsync(dueBy, max, cancellationToken);

    public Task SendWakeupAsync(string instanceId, TimeSpan delay, CancellationToken cancellationToken = default) =>
        DropWakeup?.Invoke(instanceId, delay) == true ? Task.CompletedTask : inner.SendWakeupAsync(instanceId, delay, cancellationToken);

    public Task SendActivityAsync(string activityJson, CancellationToken cancellationToken = default)
    {
        ActivitiesSent++;
        return inner.SendActivityAsync(activityJson, cancellationToken);
    }

    public Task<WorkItemLease?> SendActivityLeasedAsync(string activityJson, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ActivitiesSent++;
        return inner.SendActivityLeasedAsync(activityJson, leaseDuration, cancellationToken);
    }

    public Task<IReadOnlyList<WorkItemLease>> ReceiveAsync(WorkItemKind kind, int maxMessages, TimeSpan leaseDuration, CancellationToken cancellationToken = default) => inner.ReceiveAsync(kind, maxMessages, leaseDuration, cancellationToken);

    public Task CompleteAsync(WorkItemLease lease, CancellationToken cancellationToken = default) => inner.CompleteAsync(lease, cancellationToken);

    public Task AbandonAsync(WorkItemLease lease, TimeSpan delay, CancellationToken cancellationToken = default) => inner.AbandonAsync(lease, delay, cancellationToken);

    public Task SetAsidePoisonAsync(WorkItemLease lease, string reason, CancellationToken cancellationToken = default) => inner.SetAsidePoisonAsync(lease, reason, cancellationToken);

    public Task<IReadOnlyList<PoisonRecord>> GetPoisonAsync(int max, CancellationToken cancellationToken = default) => inner.GetPoisonAsync(max, cancellationToken);

    public Task<int> GetBacklogAsync(WorkItemKind kind, CancellationToken cancellationToken = default) => inner.GetBacklogAsync(kind, cancellationToken);
}
