using System.Text;
using ReviewWorkflow.Durable.AzureStorage.Internal;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Durable.AzureStorage;

/// <summary>
/// The instance index: one small row per instance in <c>{hub}Index</c> (PartitionKey = sanitized instance id), holding the
/// fields queries filter on. It is written after the commit that changed one of them — best effort: the status row stays
/// the truth, queries re-check every hit against it, and <see cref="RepairIndexAsync"/> rebuilds drifted rows.
/// </summary>
public sealed partial class AzureStorageDurableStore
{
    private const string IndexRowKey = "i";

    /// <summary>The status-row columns the index copies (selecting them avoids decoding large payloads).</summary>
    private static readonly string[] IndexColumns = ["PartitionKey", "RowKey", "InstanceId", "Name", "RuntimeStatus", "HasPendingOutbox", "ExecutionId", "CreatedAt", "NextWakeAt"];

    public async Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var conditions = new List<string>();
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            conditions.Add("(" + string.Join(" or ", statuses.Distinct().Select(s => TableFilter.Create($"RuntimeStatus eq {(int)s}"))) + ")");
        }

        if (filter.CreatedFrom is { } from)
        {
            conditions.Add(TableFilter.Create($"CreatedAt ge {from.UtcTicks}"));
        }

        if (filter.CreatedTo is { } to)
        {
            conditions.Add(TableFilter.Create($"CreatedAt le {to.UtcTicks}"));
        }

        if (!string.IsNullOrEmpty(filter.InstanceIdPrefix))
        {
            var prefix = KeySanitizer.Sanitize(filter.InstanceIdPrefix);
            var upper = prefix[..^1] + (char)(prefix[^1] + 1);
            conditions.Add(TableFilter.Create($"PartitionKey ge {prefix} and PartitionKey lt {upper}"));
        }

        // Paging is by key: the token is the last partition key returned (the index has one row per partition), which works
        // the same on Azure and Azurite and never depends on the service's own continuation format.
        if (continuationToken is not null)
        {
            var after = Encoding.UTF8.GetString(Convert.FromBase64String(continuationToken));
            conditions.Add(TableFilter.Create($"PartitionKey gt {after}"));
        }

        var query = conditions.Count == 0 ? null : string.Join(" and ", conditions);
        var hits = new List<TableEntity>();
        TableContinuation? continuation = null;
        do
        {
            var page = await _index.QueryPageAsync(query, ["PartitionKey", "RowKey", "InstanceId"], Math.Min(1000, pageSize + 1 - hits.Count), continuation, cancellationToken).ConfigureAwait(false);
            hits.AddRange(page.Entities);
            continuation = page.Continuation;
        }
        while (continuation is not null && hits.Count <= pageSize);

        string? next = null;
        if (hits.Count > pageSize)
        {
            hits = hits.Take(pageSize).ToList();
            next = hits.Count == 0 ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(hits[^1].PartitionKey));
        }

        // The status row is the truth: read it and drop hits the index got wrong (a page may then be short).
        var records = new InstanceRecord?[hits.Count];
        await ForEachLimitedAsync(Enumerable.Range(0, hits.Count), async (i, ct) =>
        {
            var id = hits[i].GetString("InstanceId") ?? KeySanitizer.Unsanitize(hits[i].PartitionKey);
            records[i] = await GetInstanceAsync(id, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        var matching = records.OfType<InstanceRecord>().Where(r => Matches(filter, r)).ToList();
        return new InstancePage(matching, next);
    }

    public async Task<IReadOnlyList<string>> FindInstancesNeedingAttentionAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        if (max <= 0)
        {
            return [];
        }

        // Due timers and undelivered outbox records: from the index.
        // The index may say "pending outbox" after the fact was cleared (see NeedsIndexWrite): check each hit against its
        // status row, and repair index rows that were wrong.
        var filter = TableFilter.Create($"NextWakeAt le {dueBy.UtcTicks} or HasPendingOutbox eq {true}");
        var hits = new List<string>();
        await foreach (var e in _index.QueryAsync(filter, ["PartitionKey", "InstanceId"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hits.Add(e.GetString("InstanceId") ?? KeySanitizer.Unsanitize(e.PartitionKey));
        }

        await ForEachLimitedAsync(hits, async (id, ct) =>
        {
            var status = await _instances.GetEntityAsync(KeySanitizer.PartitionKey(id), RowLayout.StatusKey, IndexColumns, ct).ConfigureAwait(false);
            if (status is null)
            {
                await _index.DeleteEntityAsync(KeySanitizer.PartitionKey(id), IndexRowKey, "*", ignoreNotFound: true, ct).ConfigureAwait(false);
                return;
            }

            var truth = StatusRow.ReadRecord(status, _ => null) with { InstanceId = id };
            if (truth.HasPendingOutbox || truth.NextWakeAt <= dueBy)
            {
                lock (found)
                {
                    found.Add(id);
                }
            }
            else
            {
                await UpsertIndexAsync(truth, ct).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);

        // Unconsumed, due inbox messages of Pending/Running instances (e.g. a sender crashed between append and wake-up):
        // appends never touch the status or index rows, so scan the inbox rows themselves and check each candidate's status.
        var candidates = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        await foreach (var e in _instances.QueryAsync(
            TableFilter.Create($"RowKey gt {"i"} and RowKey lt {"j"}"),
            ["PartitionKey", "RowKey", Columns.MessageId, Columns.VisibleAt, Columns.Tag],
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Ticks.Read(e, Columns.VisibleAt) is { } visibleAt && visibleAt > dueBy)
            {
                continue;
            }

            if (!candidates.TryGetValue(e.PartitionKey, out var list))
            {
                candidates[e.PartitionKey] = list = [];
            }

            list.Add(e);
        }

        foreach (var (pk, rows) in candidates)
        {
            var id = KeySanitizer.Unsanitize(pk);
            if (found.Contains(id))
            {
                continue;
            }

            var status = await _instances.GetEntityAsync(pk, RowLayout.StatusKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (status is null)
            {
                continue;
            }

            StoreMeta meta;
            try
            {
                meta = StatusRow.ReadMeta(status, _ => null);
            }
            catch (InvalidDataException)
            {
                // Bookkeeping large enough to live in chunk rows: do not guess, let the engine look.
                found.Add(status.GetString("InstanceId") ?? id);
                continue;
            }

            var runtime = (OrchestrationRuntimeStatus)(status.GetInt32("RuntimeStatus") ?? 0);
            if (runtime is not (OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running))
            {
                continue;
            }

            if (rows.Exists(r => (r.GetString(Columns.Tag) is not { } tag || meta.LiveTags.Contains(tag))
                && r.GetString(Columns.MessageId) is { } messageId && !meta.ConsumedPending.Contains(messageId)))
            {
                found.Add(status.GetString("InstanceId") ?? id);
            }
        }

        return found.Take(max).ToList();
    }

    /// <summary>Rebuilds index rows that drifted from their status rows (a crash between commit and index update) and removes
    /// index rows of instances that no longer exist. Scans every status row: meant for the periodic sweep, not for every request.</summary>
    public async Task<int> RepairIndexAsync(CancellationToken cancellationToken = default)
    {
        var truth = new Dictionary<string, InstanceRecord>(StringComparer.Ordinal);
        await foreach (var status in _instances.QueryAsync(TableFilter.Create($"RowKey eq {RowLayout.StatusKey}"), IndexColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var record = StatusRow.ReadRecord(status, _ => null);
            truth[status.PartitionKey] = record;
        }

        var rewritten = 0;
        var removed = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _index.QueryAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            seen.Add(row.PartitionKey);
            if (!truth.TryGetValue(row.PartitionKey, out var record))
            {
                await _index.DeleteEntityAsync(row.PartitionKey, row.RowKey, "*", ignoreNotFound: true, cancellationToken).ConfigureAwait(false);
                removed++;
            }
            else if (!IndexRowMatches(row, record))
            {
                await _index.UpsertEntityAsync(IndexEntity(record), cancellationToken: cancellationToken).ConfigureAwait(false);
                rewritten++;
            }
        }

        foreach (var (pk, record) in truth)
        {
            if (!seen.Contains(pk))
            {
                await _index.UpsertEntityAsync(IndexEntity(record), cancellationToken: cancellationToken).ConfigureAwait(false);
                rewritten++;
            }
        }

        Log.IndexRepaired(_logger, rewritten, removed);
        return rewritten + removed;
    }

    private async Task UpsertIndexAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await _index.UpsertEntityAsync(IndexEntity(record), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (_indexed.Count >= 16 * Math.Max(1, _options.InstanceCacheSize))
            {
                _indexed.Clear();
            }

            _indexed[record.InstanceId] = IndexValues.Of(record);
        }
        catch (StorageRequestException e)
        {
            Log.IndexUpdateFailed(_logger, record.InstanceId, e);
        }
    }

    private static TableEntity IndexEntity(InstanceRecord record)
    {
        var e = new TableEntity(KeySanitizer.PartitionKey(record.InstanceId), IndexRowKey)
        {
            ["InstanceId"] = record.InstanceId,
            ["Name"] = record.Name,
            ["RuntimeStatus"] = (int)record.RuntimeStatus,
            ["HasPendingOutbox"] = record.HasPendingOutbox,
            ["ExecutionId"] = record.ExecutionId,
        };
        Ticks.Write(e, "CreatedAt", record.CreatedAt);
        Ticks.Write(e, "NextWakeAt", record.NextWakeAt);
        return e;
    }

    private static bool IndexRowMatches(TableEntity row, InstanceRecord record) =>
        row.GetInt32("RuntimeStatus") == (int)record.RuntimeStatus
        && (row.GetBoolean("HasPendingOutbox") ?? false) == record.HasPendingOutbox
        && Ticks.Read(row, "NextWakeAt") == record.NextWakeAt
        && Ticks.Read(row, "CreatedAt") == record.CreatedAt
        && row.GetString("Name") == record.Name
        && row.GetString("ExecutionId") == record.ExecutionId;

    /// <summary>
    /// Whether a commit must rewrite the index row. Every indexed field is written when it changes, except that
    /// <see cref="InstanceRecord.HasPendingOutbox"/> is raised eagerly and lowered lazily: the engine sets it at a step's
    /// commit and clears it right after dispatching, and chasing that would cost two index writes per step. A stale
    /// "true" only makes the sweep look at the instance, which checks the status row and repairs the index row
    /// (<see cref="FindInstancesNeedingAttentionAsync"/>); a missing "true" could hide lost work, so it is never skipped.
    /// </summary>
    private bool NeedsIndexWrite(InstanceRecord before, InstanceRecord after)
    {
        var desired = IndexValues.Of(after);
        var indexed = _indexed.TryGetValue(after.InstanceId, out var known) ? known : IndexValues.Of(before);
        return desired with { HasPendingOutbox = false } != indexed with { HasPendingOutbox = false }
            || (desired.HasPendingOutbox && !indexed.HasPendingOutbox);
    }

    /// <summary>The fields an index row holds.</summary>
    private sealed record IndexValues(OrchestrationRuntimeStatus Status, bool HasPendingOutbox, DateTimeOffset? NextWakeAt, DateTimeOffset CreatedAt, string Name, string ExecutionId)
    {
        public static IndexValues Of(InstanceRecord r) => new(r.RuntimeStatus, r.HasPendingOutbox, r.NextWakeAt, r.CreatedAt, r.Name, r.ExecutionId);
    }

    private static bool Matches(InstanceFilter filter, InstanceRecord r) =>
        (filter.Statuses is null || filter.Statuses.Count == 0 || filter.Statuses.Contains(r.RuntimeStatus))
        && (filter.CreatedFrom is null || r.CreatedAt >= filter.CreatedFrom)
        && (filter.CreatedTo is null || r.CreatedAt <= filter.CreatedTo)
        && (filter.InstanceIdPrefix is null || r.InstanceId.StartsWith(filter.InstanceIdPrefix, StringComparison.Ordinal));
}
