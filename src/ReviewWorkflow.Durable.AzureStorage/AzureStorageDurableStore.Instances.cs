using ReviewWorkflow.Durable.AzureStorage.Internal;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Durable.AzureStorage;

public sealed partial class AzureStorageDurableStore
{
    public async Task<bool> TryCreateInstanceAsync(InstanceRecord record, InboxRecord startMessage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(startMessage);
        var pk = KeySanitizer.PartitionKey(record.InstanceId);
        var meta = StoreMeta.Initial;
        record = record with { ETag = null };
        var chunks = new List<TableEntity>();
        ChunkRowFactory chunkRow = (contentId, index) => new TableEntity(pk, RowLayout.Chunk(contentId, index)) { [Columns.CommitNo] = meta.CommitNo };
        var status = StatusRow.Build(pk, record, meta, null, null, chunkRow, chunks);
        var inbox = InboxEntity(pk, startMessage, NextStamp(), chunkRow, chunks);

        var anchor = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, status),
            new(TableTransactionActionType.UpsertReplace, inbox),
        };
        var chunkActions = chunks.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, c)).ToList();
        if (Batches(anchor.Concat(chunkActions)).Count == 1)
        {
            anchor.AddRange(chunkActions);
        }
        else
        {
            // Chunk rows are invisible until the status row references them: write them first.
            await ForEachLimitedAsync(Batches(chunkActions), async (b, ct) => await _instances.SubmitTransactionAsync(b, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<TableTransactionResult> results;
        try
        {
            results = await _instances.SubmitTransactionAsync(anchor, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageRequestException e) when (e.Status == 409)
        {
            return false;
        }

        status.ETag = results[0].ETag;
        var rows = anchor.Skip(1).Select(a => new StoredRow(a.Entity)).ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        var state = NewState(record.InstanceId, pk, status, rows);
        Remember(state);
        await UpsertIndexAsync(state.Record, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var pk = KeySanitizer.PartitionKey(instanceId);
        var status = await _instances.GetEntityAsync(pk, RowLayout.StatusKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (status is null)
        {
            return null;
        }

        var chunks = await ReadChunksAsync(pk, Payloads.References(status), cancellationToken).ConfigureAwait(false);
        return StatusRow.ReadRecord(status, c => chunks.TryGetValue(c, out var list) ? list : null) with { InstanceId = instanceId };
    }

    public async Task<InstanceSnapshot?> ReadInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = (_cache.TryGetValue(instanceId, out var cached) ? await RefreshInboxAsync(cached, cancellationToken).ConfigureAwait(false) : null)
            ?? await LoadStateAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return state?.ToSnapshot();
    }

    /// <summary>
    /// The cheap read of a step: one query for the status row and the inbox rows only. Valid when the status row still has
    /// the cached ETag — every other row changes only through a commit, and commits move the ETag (this process's own
    /// commits, including their clean-up, are already in the cached state); inbox rows are the only ones senders add.
    /// Null (a full read is needed) when the ETag moved or a new inbox row has content in chunk rows not yet seen.
    /// </summary>
    private async Task<PartitionState?> RefreshInboxAsync(PartitionState cached, CancellationToken cancellationToken)
    {
        var pk = cached.PartitionKey;
        TableEntity? status = null;
        var inbox = new List<StoredRow>();
        var filter = TableFilter.Create($"PartitionKey eq {pk} and (RowKey eq {RowLayout.StatusKey} or (RowKey gt {"i"} and RowKey lt {"j"}))");
        await foreach (var e in _instances.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey == RowLayout.StatusKey)
            {
                status = e;
            }
            else
            {
                inbox.Add(new StoredRow(e));
            }
        }

        if (status is null || status.ETag != cached.ETag || inbox.Exists(r => r.References.Any(c => cached.Chunks(c) is null)))
        {
            return null;
        }

        var rows = new Dictionary<string, StoredRow>(StringComparer.Ordinal);
        foreach (var (key, row) in cached.Rows)
        {
            if (row.Kind != RowKind.Inbox)
            {
                rows[key] = row;
            }
        }

        foreach (var row in inbox)
        {
            // Keep the already decoded row object when the row is unchanged.
            rows[row.RowKey] = cached.Rows.TryGetValue(row.RowKey, out var known) && known.Entity.ETag == row.Entity.ETag ? known : row;
        }

        var state = NewState(cached.InstanceId, pk, status, rows);
        Remember(state);
        return state;
    }

    public async Task<bool> TryAppendInboxAsync(string instanceId, InboxRecord message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var pk = KeySanitizer.PartitionKey(instanceId);

        // Appends never touch the status row (they must not conflict with the owner's commit), so existence is checked with a
        // point read unless this process already knows the instance.
        if (!_known.ContainsKey(instanceId))
        {
            if (await _instances.GetEntityAsync(pk, RowLayout.StatusKey, [Columns.CommitNo], cancellationToken).ConfigureAwait(false) is null)
            {
                return false;
            }

            Known(instanceId);
        }

        var chunks = new List<TableEntity>();
        var row = InboxEntity(pk, message, NextStamp(), (contentId, index) => new TableEntity(pk, RowLayout.Chunk(contentId, index)), chunks);
        try
        {
            if (chunks.Count == 0)
            {
                await _instances.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                return true;
            }

            var actions = chunks.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, c))
                .Append(new TableTransactionAction(TableTransactionActionType.Add, row))
                .ToList();
            var batches = Batches(actions);
            if (batches.Count == 1)
            {
                await _instances.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return true;
            }

            // Too big for one transaction: chunks first (collected after a grace time if the row never follows).
            await ForEachLimitedAsync(Batches(actions.SkipLast(1)), async (b, ct) => await _instances.SubmitTransactionAsync(b, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            await _instances.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageRequestException e) when (e.Status == 409)
        {
            // The id is present, or consumed with its row not yet deleted: either way a duplicate.
            return false;
        }
    }

    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var pk = KeySanitizer.PartitionKey(instanceId);
        Forget(instanceId);
        var keys = new List<string>();
        await foreach (var e in _instances.QueryAsync(TableFilter.Create($"PartitionKey eq {pk}"), ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(e.RowKey);
        }

        var existed = keys.Remove(RowLayout.StatusKey);
        await DeleteRowsAsync(instanceId, pk, keys, cancellationToken).ConfigureAwait(false);
        if (existed)
        {
            // The status row goes last: until then the instance still reads as existing (and purge can be retried).
            await _instances.DeleteEntityAsync(pk, RowLayout.StatusKey, "*", ignoreNotFound: true, cancellationToken).ConfigureAwait(false);
        }

        await _index.DeleteEntityAsync(pk, IndexRowKey, "*", ignoreNotFound: true, cancellationToken).ConfigureAwait(false);
        Forget(instanceId);
        return existed;
    }

    /// <summary>Reads the whole partition (one query) and remembers it for the next commit.</summary>
    private async Task<PartitionState?> LoadStateAsync(string instanceId, CancellationToken cancellationToken)
    {
        var pk = KeySanitizer.PartitionKey(instanceId);
        TableEntity? status = null;
        var rows = new Dictionary<string, StoredRow>(StringComparer.Ordinal);
        await foreach (var e in _instances.QueryAsync(TableFilter.Create($"PartitionKey eq {pk}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey == RowLayout.StatusKey)
            {
                status = e;
            }
            else
            {
                rows[e.RowKey] = new StoredRow(e);
            }
        }

        if (status is null)
        {
            Forget(instanceId);
            return null;
        }

        var state = NewState(instanceId, pk, status, rows);
        Remember(state);
        return state;
    }

    private async Task<Dictionary<string, IReadOnlyList<TableEntity>>> ReadChunksAsync(string partitionKey, IEnumerable<string> contentIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<TableEntity>>(StringComparer.Ordinal);
        foreach (var contentId in contentIds.Distinct(StringComparer.Ordinal))
        {
            var (from, to) = RowLayout.ChunkRange(contentId);
            var list = new List<TableEntity>();
            await foreach (var e in _instances.QueryAsync(TableFilter.Create($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {to}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                list.Add(e);
            }

            result[contentId] = [.. list.OrderBy(e => e.RowKey, StringComparer.Ordinal)];
        }

        return result;
    }

    private static TableEntity InboxEntity(string partitionKey, InboxRecord message, long stamp, ChunkRowFactory chunkRow, List<TableEntity> chunks)
    {
        var e = new TableEntity(partitionKey, RowLayout.Inbox(message.MessageId))
        {
            [Columns.MessageId] = message.MessageId,
            [Columns.EventType] = message.EventType,
            [Columns.AppendedAt] = stamp,
        };
        Ticks.Write(e, Columns.VisibleAt, message.VisibleAt);
        Payloads.Write(e, Columns.Json, message.Json, StoredRow.DataRowSegments, chunkRow, chunks);
        return e;
    }
}
