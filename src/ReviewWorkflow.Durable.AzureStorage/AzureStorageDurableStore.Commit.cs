using ReviewWorkflow.Durable.AzureStorage.Internal;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Durable.AzureStorage;

/// <summary>
/// The commit protocol.
/// <para><b>Normal case</b> (≤ 100 operations, ≤ 4 MiB — nearly every step, because history and outbox records are packed
/// into a few rows): ONE entity-group transaction = replace the status row with If-Match on the expected ETag, upsert the
/// new history/outbox/inbox rows and chunk rows, delete consumed inbox rows and emptied outbox packs. 412 → conflict, and
/// nothing was written.</para>
/// <para><b>Oversized commit</b>: (1) chunk rows, and the new rows that do not fit the anchor batch, are written first with
/// a writer-unique tag in their row key (<c>~{tag}</c>) and the commit's number — no key can collide with a committed row
/// or another writer's rows, so nothing committed is ever overwritten; (2) the anchor batch replaces the status row (If-Match)
/// listing the tag as live, with as many of the remaining rows and deletions as fit. Until (2) succeeds readers ignore the
/// tagged rows; if (2) loses the race they stay orphans — ignored, then collected by a later commit (CommitNo ≤ committed).
/// Deletions that did not fit are recorded in the anchor (<see cref="StoreMeta.ConsumedPending"/>,
/// <see cref="StoreMeta.RemovedPending"/>): readers hide those ids from then on, the rows are deleted right after the
/// anchor, and the ids leave the list at the first commit that no longer finds their rows. A consumed inbox id stays
/// listed while its row exists, so re-appending that id is refused as a duplicate (the engine dedupes against history
/// as well).</para>
/// <para><b>After the anchor</b>: deferred deletions and garbage found in the state (orphans, old epochs, unreferenced
/// chunks) are deleted, then the index row is upserted if an indexed field changed (best effort).</para>
/// </summary>
public sealed partial class AzureStorageDurableStore
{
    private const int DeleteEstimateBytes = 600;
    private const int MaxCleanupRowsPerCommit = 400;

    public async Task<string> CommitAsync(string instanceId, string expectedETag, InstanceCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(expectedETag);
        var state = Cached(instanceId, expectedETag);
        if (state is not null && !IsValid(state, commit))
        {
            // The cached state predates inbox appends (they do not move the ETag): read the partition again.
            state = null;
        }

        state ??= await LoadStateAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (state is null || state.ETag != expectedETag)
        {
            throw new ConcurrencyConflictException($"Instance '{instanceId}' changed since it was read (or no longer exists).");
        }

        Validate(state, commit);
        var plan = Plan(state, commit with { Record = commit.Record with { InstanceId = instanceId, ETag = null } });

        if (plan.PreWrites.Count > 0)
        {
            var batches = Batches(plan.PreWrites.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
            Log.OversizedCommit(_logger, instanceId, batches.Count, plan.PreWrites.Count);
            await ForEachLimitedAsync(batches, async (b, ct) => await _instances.SubmitTransactionAsync(b, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        var (etag, missing) = await SubmitAnchorAsync(state, plan, cancellationToken).ConfigureAwait(false);
        plan.Status.ETag = etag;

        // Physical clean-up: deferred deletions and garbage rows first, then the chunk rows of rows known to be gone.
        var deletedInBatch = plan.AnchorDeletes.Select(r => r.RowKey).Concat(missing).ToHashSet(StringComparer.Ordinal);
        var cleanup = plan.DeferredDeletes.Select(r => r.RowKey)
            .Concat(state.Garbage.Where(k => state.Rows[k].Kind != RowKind.Chunk))
            .Where(k => !deletedInBatch.Contains(k))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxCleanupRowsPerCommit)
            .ToList();
        var gone = await DeleteRowsAsync(instanceId, state.PartitionKey, cleanup, cancellationToken).ConfigureAwait(false);
        gone.UnionWith(deletedInBatch);
        var orphanChunks = state.Garbage.Where(k => state.Rows[k].Kind == RowKind.Chunk)
            .Concat(gone.Where(state.Rows.ContainsKey).SelectMany(k => state.Rows[k].References).SelectMany(c => state.Chunks(c) ?? []).Select(e => e.RowKey))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxCleanupRowsPerCommit)
            .ToList();
        gone.UnionWith(await DeleteRowsAsync(instanceId, state.PartitionKey, orphanChunks, cancellationToken).ConfigureAwait(false));

        var rows = new Dictionary<string, StoredRow>(StringComparer.Ordinal);
        foreach (var (key, row) in state.Rows)
        {
            if (!gone.Contains(key))
            {
                rows[key] = row;
            }
        }

        foreach (var e in plan.Written)
        {
            rows[e.RowKey] = new StoredRow(e);
        }

        var next = NewState(instanceId, state.PartitionKey, plan.Status, rows);
        Remember(next);
        if (NeedsIndexWrite(state.Record, next.Record))
        {
            await UpsertIndexAsync(next.Record, cancellationToken).ConfigureAwait(false);
        }

        return etag;
    }

    private async Task<(string ETag, List<string> Missing)> SubmitAnchorAsync(PartitionState state, CommitPlan plan, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var deletes = plan.AnchorDeletes.Select(r => r.RowKey).ToList();
        for (var attempt = 0; ; attempt++)
        {
            var actions = new List<TableTransactionAction>(1 + plan.AnchorWrites.Count + deletes.Count)
            {
                new(TableTransactionActionType.UpdateReplace, plan.Status, state.ETag),
            };
            actions.AddRange(plan.AnchorWrites.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
            actions.AddRange(deletes.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(state.PartitionKey, k), "*")));
            try
            {
                var results = await _instances.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return (results[0].ETag ?? throw new InvalidOperationException("The service returned no ETag for the status row."), missing);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404
                && e.FailedOperationIndex > plan.AnchorWrites.Count
                && e.FailedOperationIndex < actions.Count
                && attempt < 8)
            {
                // A row this commit deletes is already gone (deleted by an earlier clean-up): drop that delete and retry.
                var key = actions[e.FailedOperationIndex].Entity.RowKey;
                deletes.Remove(key);
                missing.Add(key);
            }
            catch (StorageRequestException e) when (e.Status is 412 or 404 or 409)
            {
                _cache.TryRemove(state.InstanceId, out _);
                throw new ConcurrencyConflictException($"Instance '{state.InstanceId}' was changed by another worker (status {e.Status} {e.ErrorCode}).", e);
            }
        }
    }

    private sealed class CommitPlan
    {
        public required TableEntity Status { get; set; }

        /// <summary>Rows written ahead of the anchor (chunk rows and tagged rows of an oversized commit).</summary>
        public List<TableEntity> PreWrites { get; } = [];

        public List<TableEntity> AnchorWrites { get; } = [];

        public List<StoredRow> AnchorDeletes { get; } = [];

        public List<StoredRow> DeferredDeletes { get; } = [];

        /// <summary>Every row this commit writes, status row excluded.</summary>
        public IEnumerable<TableEntity> Written => PreWrites.Concat(AnchorWrites);
    }

    private CommitPlan Plan(PartitionState state, InstanceCommit commit)
    {
        var pk = state.PartitionKey;
        var commitNo = state.Meta.CommitNo + 1;
        var epoch = commit.ReplaceHistory ? state.Meta.Epoch + 1 : state.Meta.Epoch;
        var historyCount = (commit.ReplaceHistory ? 0 : state.Meta.HistoryCount) + commit.AppendHistory.Count;
        ChunkRowFactory chunkRow = (contentId, index) => new TableEntity(pk, RowLayout.Chunk(contentId, index)) { [Columns.CommitNo] = commitNo };

        // New rows.
        var chunks = new List<TableEntity>();
        var writes = new List<TableEntity>();
        foreach (var pack in Pack(commit.AppendHistory, StoredRow.FramedLength))
        {
            var first = pack[0].Sequence;
            var e = new TableEntity(pk, RowLayout.History(epoch, first))
            {
                [Columns.Epoch] = epoch,
                [Columns.First] = first,
                [Columns.Count] = pack.Count,
                [Columns.CommitNo] = commitNo,
            };
            Payloads.Write(e, Columns.Data, StoredRow.FrameHistory(pack), StoredRow.DataRowSegments, chunkRow, chunks);
            writes.Add(e);
        }

        var packIndex = 0;
        foreach (var pack in Pack(commit.AddOutbox, StoredRow.FramedLength))
        {
            var e = new TableEntity(pk, RowLayout.Outbox(commitNo, packIndex++)) { [Columns.CommitNo] = commitNo };
            Payloads.Write(e, Columns.Data, StoredRow.FrameOutbox(pack), StoredRow.DataRowSegments, chunkRow, chunks);
            writes.Add(e);
        }

        foreach (var message in commit.AddInbox)
        {
            var e = InboxEntity(pk, message, NextStamp(), chunkRow, chunks);
            e[Columns.CommitNo] = commitNo;
            writes.Add(e);
        }

        // Rows to delete: consumed inbox rows and outbox packs whose every record is now removed.
        var garbage = state.Garbage.ToHashSet(StringComparer.Ordinal);
        var deletes = new List<StoredRow>();
        foreach (var id in commit.ConsumedInbox)
        {
            if (state.InboxRowsById.TryGetValue(id, out var copies))
            {
                deletes.AddRange(copies.Where(r => !garbage.Contains(r.RowKey)));
            }
        }

        var removed = state.Meta.RemovedPending.Concat(commit.RemoveOutbox).ToHashSet(StringComparer.Ordinal);
        var packOf = new Dictionary<string, StoredRow>(StringComparer.Ordinal);
        foreach (var pack in state.OutboxPacks)
        {
            var records = pack.Outbox(state.Chunks);
            foreach (var o in records)
            {
                packOf[o.MessageId] = pack;
            }

            if (records.All(o => removed.Contains(o.MessageId)))
            {
                deletes.Add(pack);
            }
        }

        StoreMeta MetaAfter(IReadOnlyCollection<StoredRow> deletedInBatch, string? newTag)
        {
            var deleted = deletedInBatch.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
            var added = commit.AddInbox.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
            var consumedPending = state.Meta.ConsumedPending.Concat(commit.ConsumedInbox)
                .Where(id => !added.Contains(id) && state.InboxRowsById.TryGetValue(id, out var copies) && copies.Exists(r => !deleted.Contains(r.RowKey)))
                .ToHashSet(StringComparer.Ordinal);
            var removedPending = removed
                .Where(id => packOf.TryGetValue(id, out var pack) && !deleted.Contains(pack.RowKey))
                .ToHashSet(StringComparer.Ordinal);
            var liveTags = state.Meta.LiveTags
                .Where(t => state.Rows.Values.Any(r => r.Tag == t && !deleted.Contains(r.RowKey) && !garbage.Contains(r.RowKey)))
                .ToHashSet(StringComparer.Ordinal);
            if (newTag is not null)
            {
                liveTags.Add(newTag);
            }

            return new StoreMeta(commitNo, epoch, historyCount, liveTags, consumedPending, removedPending);
        }

        // Normal case: everything in one transaction.
        var statusChunks = new List<TableEntity>();
        var status = StatusRow.Build(pk, commit.Record, MetaAfter(deletes, null), state.StatusEntity, state.Record, chunkRow, statusChunks);
        var operations = 1 + statusChunks.Count + chunks.Count + writes.Count + deletes.Count;
        var bytes = Payloads.EstimateWireBytes(status)
            + statusChunks.Concat(chunks).Concat(writes).Sum(Payloads.EstimateWireBytes)
            + deletes.Count * DeleteEstimateBytes;
        if (operations <= MaxBatchOperations && bytes <= BatchBudgetBytes)
        {
            var plan = new CommitPlan { Status = status };
            plan.AnchorWrites.AddRange(statusChunks);
            plan.AnchorWrites.AddRange(chunks);
            plan.AnchorWrites.AddRange(writes);
            plan.AnchorDeletes.AddRange(deletes);
            return plan;
        }

        // Oversized: size the anchor for the largest status row this commit can produce (every deletion deferred).
        var tag = Guid.NewGuid().ToString("N")[..12];
        statusChunks.Clear();
        var worst = StatusRow.Build(pk, commit.Record, MetaAfter([], tag), state.StatusEntity, state.Record, chunkRow, statusChunks);
        var big = new CommitPlan { Status = worst };
        var capacity = MaxBatchOperations - 1;
        var budget = BatchBudgetBytes - Payloads.EstimateWireBytes(worst) - 16_384;
        foreach (var w in writes)
        {
            var size = Payloads.EstimateWireBytes(w);
            if (capacity > 0 && size <= budget)
            {
                big.AnchorWrites.Add(w);
                capacity--;
                budget -= size;
            }
            else
            {
                w.RowKey = RowLayout.Tagged(w.RowKey, tag);
                w[Columns.Tag] = tag;
                big.PreWrites.Add(w);
            }
        }

        foreach (var d in deletes)
        {
            if (capacity > 0 && budget > DeleteEstimateBytes)
            {
                big.AnchorDeletes.Add(d);
                capacity--;
                budget -= DeleteEstimateBytes;
            }
            else
            {
                big.DeferredDeletes.Add(d);
            }
        }

        statusChunks.Clear();
        big.Status = StatusRow.Build(pk, commit.Record, MetaAfter(big.AnchorDeletes, tag), state.StatusEntity, state.Record, chunkRow, statusChunks);
        big.PreWrites.AddRange(statusChunks);
        big.PreWrites.AddRange(chunks);
        return big;
    }

    /// <summary>Groups records into packs of at most <see cref="StoredRow.PackMaxChars"/> framed characters (a larger
    /// record gets a pack of its own, stored in segments or chunk rows).</summary>
    private static IEnumerable<List<T>> Pack<T>(IReadOnlyList<T> records, Func<T, int> framedLength)
    {
        var pack = new List<T>();
        var length = 0;
        foreach (var r in records)
        {
            var n = framedLength(r);
            if (pack.Count > 0 && length + n > StoredRow.PackMaxChars)
            {
                yield return pack;
                pack = [];
                length = 0;
            }

            pack.Add(r);
            length += n;
        }

        if (pack.Count > 0)
        {
            yield return pack;
        }
    }

    private static bool IsValid(PartitionState state, InstanceCommit commit)
    {
        try
        {
            Validate(state, commit);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The same strictness as the in-memory store: a commit only consumes/removes what is there, never adds an
    /// existing id, and appends history densely.</summary>
    private static void Validate(PartitionState state, InstanceCommit commit)
    {
        var inbox = state.VisibleInbox.Select(r => r.MessageId!).ToHashSet(StringComparer.Ordinal);
        foreach (var id in commit.ConsumedInbox)
        {
            if (!inbox.Remove(id))
            {
                throw new InvalidOperationException($"Commit consumes inbox message '{id}' which is not in the inbox.");
            }
        }

        foreach (var m in commit.AddInbox)
        {
            if (!inbox.Add(m.MessageId))
            {
                throw new InvalidOperationException($"Commit adds inbox message '{m.MessageId}' which already exists.");
            }
        }

        var outbox = state.Outbox.Select(o => o.MessageId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in commit.RemoveOutbox)
        {
            if (!outbox.Remove(id))
            {
                throw new InvalidOperationException($"Commit removes outbox record '{id}' which is not in the outbox.");
            }
        }

        foreach (var o in commit.AddOutbox)
        {
            if (!outbox.Add(o.MessageId))
            {
                throw new InvalidOperationException($"Commit adds outbox record '{o.MessageId}' which already exists.");
            }
        }

        var expected = commit.ReplaceHistory ? 0 : state.Meta.HistoryCount;
        foreach (var h in commit.AppendHistory)
        {
            if (h.Sequence != expected++)
            {
                throw new InvalidOperationException($"History record {h.Sequence} is out of sequence; expected {expected - 1}.");
            }
        }
    }
}
