using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Bench;

/// <summary>Passes every call to the real store and counts orchestration steps: commits of an episode (a commit that
/// appends history: the orchestrator ran over new events). Outbox clean-up and housekeeping commits and reads that found
/// nothing to do are not steps; their requests are still counted against the steps.</summary>
internal sealed class CountingStore(IDurableStore inner) : IDurableStore
{
    private long _reads;
    private long _commits;
    private long _episodes;

    /// <summary>Committed orchestration episodes.</summary>
    public long Steps => Interlocked.Read(ref _episodes);

    public long Reads => Interlocked.Read(ref _reads);

    public long Commits => Interlocked.Read(ref _commits);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task<bool> TryCreateInstanceAsync(InstanceRecord record, InboxRecord startMessage, CancellationToken cancellationToken = default) => inner.TryCreateInstanceAsync(record, startMessage, cancellationToken);

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => inner.GetInstanceAsync(instanceId, cancellationToken);

    public Task<InstanceSnapshot?> ReadInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadInstanceAsync(instanceId, cancellationToken);
    }

    public async Task<string> CommitAsync(string instanceId, string expectedETag, InstanceCommit commit, CancellationToken cancellationToken = default)
    {
        var etag = await inner.CommitAsync(instanceId, expectedETag, commit, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _commits);
        if (commit.AppendHistory.Count > 0 || commit.ReplaceHistory)
        {
            Interlocked.Increment(ref _episodes);
        }

        return etag;
    }

    public Task<bool> TryAppendInboxAsync(string instanceId, InboxRecord message, CancellationToken cancellationToken = default) => inner.TryAppendInboxAsync(instanceId, message, cancellationToken);

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => inner.PurgeInstanceAsync(instanceId, cancellationToken);

    public Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) => inner.QueryInstancesAsync(filter, pageSize, continuationToken, cancellationToken);

    public Task<IReadOnlyList<string>> FindInstancesNeedingAttentionAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default) => inner.FindInstancesNeedingAttentionAsync(dueBy, max, cancellationToken);

    public Task SendWakeupAsync(string instanceId, TimeSpan delay, CancellationToken cancellationToken = default) => inner.SendWakeupAsync(instanceId, delay, cancellationToken);

    public Task SendActivityAsync(string activityJson, CancellationToken cancellationToken = default) => inner.SendActivityAsync(activityJson, cancellationToken);

    public Task<WorkItemLease?> SendActivityLeasedAsync(string activityJson, TimeSpan leaseDuration, CancellationToken cancellationToken = default) => inner.SendActivityLeasedAsync(activityJson, leaseDuration, cancellationToken);

    public Task<IReadOnlyList<WorkItemLease>> ReceiveAsync(WorkItemKind kind, int maxMessages, TimeSpan leaseDuration, CancellationToken cancellationToken = default) => inner.ReceiveAsync(kind, maxMessages, leaseDuration, cancellationToken);

    public Task CompleteAsync(WorkItemLease lease, CancellationToken cancellationToken = default) => inner.CompleteAsync(lease, cancellationToken);

    public Task AbandonAsync(WorkItemLease lease, TimeSpan delay, CancellationToken cancellationToken = default) => inner.AbandonAsync(lease, delay, cancellationToken);

    public Task SetAsidePoisonAsync(WorkItemLease lease, string reason, CancellationToken cancellationToken = default) => inner.SetAsidePoisonAsync(lease, reason, cancellationToken);

    public Task<IReadOnlyList<PoisonRecord>> GetPoisonAsync(int max, CancellationToken cancellationToken = default) => inner.GetPoisonAsync(max, cancellationToken);

    public Task<int> GetBacklogAsync(WorkItemKind kind, CancellationToken cancellationToken = default) => inner.GetBacklogAsync(kind, cancellationToken);
}
