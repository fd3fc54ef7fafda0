using System.Globalization;
using System.Text;

namespace ReviewWorkflow.Durable.Store.InMemory;

/// <summary>
/// The store contract held in memory, for unit tests and the local test host. Faithful to the Azure backend's
/// semantics: ETag-guarded atomic commits, idempotent inbox appends, queue leases, visibility and dequeue counts
/// driven by the <see cref="TimeProvider"/>, a poison store and paged queries. It is also strict: a commit that
/// consumes an inbox message or removes an outbox record that is not there, or adds an inbox message that already
/// exists, is rejected, because the Azure backend's entity-group transaction would fail the same way.
/// </summary>
public sealed partial class InMemoryDurableStore : IDurableStore
{
    /// <summary>Azure Queue Storage caps message visibility at 7 days; so does this store by default.</summary>
    public static readonly TimeSpan DefaultMaxWakeupDelay = TimeSpan.FromDays(7);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Partition> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<WorkItemKind, List<QueueMessage>> _queues = new()
    {
        [WorkItemKind.Orchestration] = [],
        [WorkItemKind.Activity] = [],
    };
    private readonly List<PoisonRecord> _poison = [];
    private long _etag;
    private long _sequence;

    public InMemoryDurableStore(TimeProvider? time = null, TimeSpan? maxWakeupDelay = null)
    {
        _time = time ?? TimeProvider.System;
        MaxWakeupDelay = maxWakeupDelay ?? DefaultMaxWakeupDelay;
    }

    /// <summary>The longest delay a wake-up can have; longer delays are capped (the engine re-arms).</summary>
    public TimeSpan MaxWakeupDelay { get; }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<bool> TryCreateInstanceAsync(InstanceRecord record, InboxRecord startMessage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(startMessage);
        lock (_gate)
        {
            if (_instances.ContainsKey(record.InstanceId))
            {
                return Task.FromResult(false);
            }

            var partition = new Partition(record with { ETag = NextETag() });
            partition.Inbox.Add(startMessage);
            _instances.Add(record.InstanceId, partition);
            return Task.FromResult(true);
        }
    }

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.TryGetValue(instanceId, out var p) ? p.Record : null);
        }
    }

    public Task<InstanceSnapshot?> ReadInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out var p))
            {
                return Task.FromResult<InstanceSnapshot?>(null);
            }

            return Task.FromResult<InstanceSnapshot?>(new InstanceSnapshot(p.Record, [.. p.History], [.. p.Inbox], [.. p.Outbox]));
        }
    }

    public Task<string> CommitAsync(string instanceId, string expectedETag, InstanceCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out var p) || p.Record.ETag != expectedETag)
            {
                throw new ConcurrencyConflictException($"Instance '{instanceId}' changed since it was read (or no longer exists).");
            }

            Validate(p, commit);
            if (commit.ReplaceHistory)
            {
                p.History.Clear();
            }

            p.History.AddRange(commit.AppendHistory);
            var consumed = commit.ConsumedInbox.ToHashSet(StringComparer.Ordinal);
            p.Inbox.RemoveAll(m => consumed.Contains(m.MessageId));
            p.Inbox.AddRange(commit.AddInbox);
            var removed = commit.RemoveOutbox.ToHashSet(StringComparer.Ordinal);
            p.Outbox.RemoveAll(o => removed.Contains(o.MessageId));
            p.Outbox.AddRange(commit.AddOutbox);
            var etag = NextETag();
            p.Record = commit.Record with { InstanceId = instanceId, ETag = etag };
            return Task.FromResult(etag);
        }
    }

    public Task<bool> TryAppendInboxAsync(string instanceId, InboxRecord message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out var p) || p.Inbox.Exists(m => m.MessageId == message.MessageId))
            {
                return Task.FromResult(false);
            }

            p.Inbox.Add(message);
            return Task.FromResult(true);
        }
    }

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.Remove(instanceId));
        }
    }

    public Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var after = continuationToken is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(continuationToken));
        lock (_gate)
        {
            var matches = _instances.Values
                .Select(p => p.Record)
                .Where(r => Matches(filter, r))
                .Where(r => after is null || string.CompareOrdinal(r.InstanceId, after) > 0)
                .OrderBy(r => r.InstanceId, StringComparer.Ordinal)
                .Take(pageSize + 1)
                .ToList();
            string? next = null;
            if (matches.Count > pageSize)
            {
                matches.RemoveAt(pageSize);
                next = Convert.ToBase64String(Encoding.UTF8.GetBytes(matches[^1].InstanceId));
            }

            return Task.FromResult(new InstancePage(matches, next));
        }
    }

    public Task<IReadOnlyList<string>> FindInstancesNeedingAttentionAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<string> ids = _instances.Values
                .Where(p => p.Record.NextWakeAt <= dueBy
                    || p.Record.HasPendingOutbox
                    || (p.Record.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running
                        && p.Inbox.Exists(m => m.VisibleAt is null || m.VisibleAt <= dueBy)))
                .Select(p => p.Record.InstanceId)
                .Order(StringComparer.Ordinal)
                .Take(max)
                .ToList();
            return Task.FromResult(ids);
        }
    }

    private static bool Matches(InstanceFilter filter, InstanceRecord r) =>
        (filter.Statuses is null || filter.Statuses.Count == 0 || filter.Statuses.Contains(r.RuntimeStatus))
        && (filter.CreatedFrom is null || r.CreatedAt >= filter.CreatedFrom)
        && (filter.CreatedTo is null || r.CreatedAt <= filter.CreatedTo)
        && (filter.InstanceIdPrefix is null || r.InstanceId.StartsWith(filter.InstanceIdPrefix, StringComparison.Ordinal));

    private static void Validate(Partition p, InstanceCommit commit)
    {
        var inboxIds = p.Inbox.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in commit.ConsumedInbox)
        {
            if (!inboxIds.Remove(id))
            {
                throw new InvalidOperationException($"Commit consumes inbox message '{id}' which is not in the inbox.");
            }
        }

        foreach (var m in commit.AddInbox)
        {
            if (!inboxIds.Add(m.MessageId))
            {
                throw new InvalidOperationException($"Commit adds inbox message '{m.MessageId}' which already exists.");
            }
        }

        var outboxIds = p.Outbox.Select(o => o.MessageId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in commit.RemoveOutbox)
        {
            if (!outboxIds.Remove(id))
            {
                throw new InvalidOperationException($"Commit removes outbox record '{id}' which is not in the outbox.");
            }
        }

        foreach (var o in commit.AddOutbox)
        {
            if (!outboxIds.Add(o.MessageId))
            {
                throw new InvalidOperationException($"Commit adds outbox record '{o.MessageId}' which already exists.");
            }
        }

        var expected = commit.ReplaceHistory ? 0 : p.History.Count;
        foreach (var h in commit.AppendHistory)
        {
            if (h.Sequence != expected++)
            {
                throw new InvalidOperationException($"History record {h.Sequence} is out of sequence; expected {expected - 1}.");
            }
        }
    }

    private string NextETag() => string.Create(CultureInfo.InvariantCulture, $"W/\"{++_etag}\"");

    private sealed class Partition(InstanceRecord record)
    {
        public InstanceRecord Record { get; set; } = record;

        public List<HistoryRecord> History { get; } = [];

        public List<InboxRecord> Inbox { get; } = [];

        public List<OutboxRecord> Outbox { get; } = [];
    }
}
