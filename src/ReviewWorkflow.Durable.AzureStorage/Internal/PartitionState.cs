using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Durable.AzureStorage.Internal;

/// <summary>
/// Every row of one instance partition as of one read (or as left by this process's last commit), classified.
/// <para>Visibility rules (the only place they live):</para>
/// <list type="bullet">
/// <item>Untagged rows are only ever written in the same entity-group transaction as the status row, so they are
/// committed by construction.</item>
/// <item>A tagged row (written ahead of its anchor batch by an oversized commit) counts only when its tag is in
/// <see cref="StoreMeta.LiveTags"/>. A tagged row whose tag is not live is an orphan of a commit that lost the ETag race
/// if its CommitNo ≤ the committed CommitNo, and an in-flight write (left alone) otherwise.</item>
/// <item>History packs count when their epoch is current and they start below the committed history count.</item>
/// <item>Inbox ids in <see cref="StoreMeta.ConsumedPending"/> and outbox ids in <see cref="StoreMeta.RemovedPending"/> are
/// hidden: their commit is durable, only the physical deletion is still to come.</item>
/// <item>Chunk rows count while any present row references their content id.</item>
/// </list>
/// Rows that can never count again are <see cref="Garbage"/>; the next commit deletes them after its anchor.
/// </summary>
internal sealed class PartitionState
{
    private readonly Dictionary<string, List<TableEntity>> _chunks;

    public PartitionState(string instanceId, string partitionKey, TableEntity statusEntity, IReadOnlyDictionary<string, StoredRow> rows, DateTimeOffset now, TimeSpan orphanChunkGrace)
    {
        InstanceId = instanceId;
        PartitionKey = partitionKey;
        StatusEntity = statusEntity;
        Rows = rows;
        _chunks = rows.Values
            .Where(r => r.Kind == RowKind.Chunk)
            .GroupBy(r => r.ContentId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.ChunkIndex).Select(r => r.Entity).ToList(), StringComparer.Ordinal);
        Meta = StatusRow.ReadMeta(statusEntity, Chunks);
        Record = StatusRow.ReadRecord(statusEntity, Chunks) with { InstanceId = instanceId };

        var referenced = new HashSet<string>(Payloads.References(statusEntity), StringComparer.Ordinal);
        var garbage = new List<string>();
        var historyRows = new List<StoredRow>();
        var inbox = new Dictionary<string, StoredRow>(StringComparer.Ordinal);
        var outboxPacks = new List<StoredRow>();
        foreach (var row in rows.Values)
        {
            if (row.Kind is RowKind.Chunk or RowKind.Other or RowKind.Status)
            {
                continue;
            }

            if (row.Kind == RowKind.Inbox && row.MessageId is { } id)
            {
                if (!InboxRowsById.TryGetValue(id, out var list))
                {
                    InboxRowsById[id] = list = [];
                }

                list.Add(row);
            }

            var live = row.Tag is null || Meta.LiveTags.Contains(row.Tag);
            var inFlight = row.Tag is not null && !live && row.CommitNo > Meta.CommitNo;
            bool counts;
            if (!live)
            {
                counts = false;
            }
            else
            {
                counts = row.Kind switch
                {
                    RowKind.History => row.Epoch == Meta.Epoch && row.First < Meta.HistoryCount,
                    RowKind.Inbox => row.MessageId is not null && !Meta.ConsumedPending.Contains(row.MessageId),
                    RowKind.Outbox => row.Outbox(Chunks).Any(o => !Meta.RemovedPending.Contains(o.MessageId)),
                    _ => false,
                };
            }

            // A chunk row is collected only when no row present references it: garbage rows are deleted first, their
            // chunk rows after (a failed clean-up then never leaves a row whose content is gone).
            referenced.UnionWith(row.References);

            if (inFlight)
            {
                continue;
            }

            if (!counts)
            {
                garbage.Add(row.RowKey);
                continue;
            }

            switch (row.Kind)
            {
                case RowKind.History:
                    historyRows.Add(row);
                    break;
                case RowKind.Inbox:
                    // Duplicates of one id (a re-added id next to an older copy) collapse to the newest.
                    if (!inbox.TryGetValue(row.MessageId!, out var other) || other.AppendedAt < row.AppendedAt)
                    {
                        inbox[row.MessageId!] = row;
                    }

                    break;
                case RowKind.Outbox:
                    outboxPacks.Add(row);
                    break;
            }
        }

        foreach (var (contentId, chunkRows) in _chunks)
        {
            if (referenced.Contains(contentId))
            {
                continue;
            }

            // Chunk rows written by a commit carry its number: decided once that number is committed. Chunk rows written
            // by an inbox append that did not fit one batch carry none: they are collected only after a grace period.
            var decided = chunkRows.TrueForAll(c =>
                c.GetInt64(Columns.CommitNo) is { } n ? n <= Meta.CommitNo : (c.Timestamp is { } ts && now - ts > orphanChunkGrace));
            if (decided)
            {
                garbage.AddRange(chunkRows.Select(c => c.RowKey));
            }
        }

        Garbage = garbage;
        History = AssembleHistory(historyRows);
        VisibleInbox = inbox.Values.OrderBy(r => r.AppendedAt).ThenBy(r => r.RowKey, StringComparer.Ordinal).ToList();
        OutboxPacks = outboxPacks.OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
        Outbox = OutboxPacks.SelectMany(p => p.Outbox(Chunks)).Where(o => !Meta.RemovedPending.Contains(o.MessageId)).ToList();
    }

    public string InstanceId { get; }

    public string PartitionKey { get; }

    public TableEntity StatusEntity { get; }

    public string ETag => StatusEntity.ETag ?? "";

    public InstanceRecord Record { get; }

    public StoreMeta Meta { get; }

    /// <summary>All rows except the status row, by row key.</summary>
    public IReadOnlyDictionary<string, StoredRow> Rows { get; }

    public IReadOnlyList<HistoryRecord> History { get; }

    /// <summary>Counted inbox rows, one per message id, in arrival order.</summary>
    public IReadOnlyList<StoredRow> VisibleInbox { get; }

    /// <summary>Every physical inbox row by message id (counted or not).</summary>
    public Dictionary<string, List<StoredRow>> InboxRowsById { get; } = new(StringComparer.Ordinal);

    /// <summary>Outbox packs with at least one counted record.</summary>
    public IReadOnlyList<StoredRow> OutboxPacks { get; }

    public IReadOnlyList<OutboxRecord> Outbox { get; }

    /// <summary>Row keys that can never count again (orphans, consumed/removed leftovers, old epochs, unreferenced chunks).</summary>
    public IReadOnlyList<string> Garbage { get; }

    public IReadOnlyList<TableEntity>? Chunks(string contentId) => _chunks.TryGetValue(contentId, out var list) ? list : null;

    public InstanceSnapshot ToSnapshot() => new(
        Record,
        History,
        VisibleInbox.Select(r => r.Inbox(Chunks)).ToList(),
        Outbox);

    private List<HistoryRecord> AssembleHistory(List<StoredRow> rows)
    {
        var records = rows.OrderBy(r => r.First).SelectMany(r => r.History(Chunks)).Where(h => h.Sequence < Meta.HistoryCount).ToList();
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Sequence != i)
            {
                throw new InvalidDataException($"History of instance '{InstanceId}' is not dense: record {i} has sequence {records[i].Sequence}.");
            }
        }

        if (records.Count != Meta.HistoryCount)
        {
            throw new InvalidDataException($"History of instance '{InstanceId}' has {records.Count} records; the status row says {Meta.HistoryCount}.");
        }

        return records;
    }
}
