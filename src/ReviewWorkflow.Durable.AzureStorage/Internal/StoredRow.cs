using System.Globalization;
using System.Text;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Durable.AzureStorage.Internal;

/// <summary>Looks up the chunk rows of a content id (ordered by index), or null when there are none.</summary>
internal delegate IReadOnlyList<TableEntity>? ChunkLookup(string contentId);

/// <summary>One row of an instance partition with its key fields parsed; record content is decoded lazily, once.</summary>
internal sealed class StoredRow
{
    /// <summary>History records or outbox records are packed into one row up to this many framed characters.</summary>
    public const int PackMaxChars = 200_000;

    /// <summary>In-row segments allowed for a pack/inbox row's payload (16 × 15,000 UTF-16 units ≈ 480 KB of the 1 MiB entity limit).</summary>
    public const int DataRowSegments = 16;

    private IReadOnlyList<HistoryRecord>? _history;
    private InboxRecord? _inbox;
    private IReadOnlyList<OutboxRecord>? _outbox;
    private IReadOnlyList<string>? _references;

    public StoredRow(TableEntity entity)
    {
        Entity = entity;
        Kind = RowLayout.KindOf(entity.RowKey);
        Tag = entity.GetString(Columns.Tag);
        CommitNo = entity.GetInt64(Columns.CommitNo);
        switch (Kind)
        {
            case RowKind.History:
                Epoch = entity.GetInt32(Columns.Epoch) ?? -1;
                First = entity.GetInt32(Columns.First) ?? 0;
                Count = entity.GetInt32(Columns.Count) ?? 0;
                break;
            case RowKind.Inbox:
                MessageId = entity.GetString(Columns.MessageId);
                AppendedAt = entity.GetInt64(Columns.AppendedAt) ?? 0;
                break;
            case RowKind.Chunk:
                // p-{32 hex}-{index}
                var key = entity.RowKey;
                var dash = key.LastIndexOf('-');
                ContentId = key[2..dash];
                ChunkIndex = int.Parse(key.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture);
                break;
        }
    }

    public TableEntity Entity { get; }

    public string RowKey => Entity.RowKey;

    public RowKind Kind { get; }

    public string? Tag { get; }

    public long? CommitNo { get; }

    public int Epoch { get; }

    public int First { get; }

    public int Count { get; }

    public string? MessageId { get; }

    public long AppendedAt { get; }

    public string? ContentId { get; }

    public int ChunkIndex { get; }

    public IReadOnlyList<string> References => _references ??= [.. Payloads.References(Entity)];

    public IReadOnlyList<HistoryRecord> History(ChunkLookup chunks)
    {
        if (_history is null)
        {
            var list = new List<HistoryRecord>(Count);
            var reader = new FrameReader(Payloads.Read(Entity, Columns.Data, c => chunks(c)) ?? "");
            while (!reader.End)
            {
                list.Add(new HistoryRecord((int)reader.Int64(), reader.RequiredString(), reader.RequiredString()));
            }

            _history = list;
        }

        return _history;
    }

    public InboxRecord Inbox(ChunkLookup chunks) => _inbox ??= new InboxRecord(
        MessageId ?? throw new InvalidDataException($"Inbox row '{RowKey}' has no message id."),
        Entity.GetString(Columns.EventType) ?? "",
        Payloads.Read(Entity, Columns.Json, c => chunks(c)) ?? "",
        Ticks.Read(Entity, Columns.VisibleAt));

    public IReadOnlyList<OutboxRecord> Outbox(ChunkLookup chunks)
    {
        if (_outbox is null)
        {
            var list = new List<OutboxRecord>();
            var reader = new FrameReader(Payloads.Read(Entity, Columns.Data, c => chunks(c)) ?? "");
            while (!reader.End)
            {
                var id = reader.RequiredString();
                var kind = (OutboxKind)(int)reader.Int64();
                var target = reader.String();
                var json = reader.RequiredString();
                var due = reader.NullableInt64();
                list.Add(new OutboxRecord(id, kind, target, json, due is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null));
            }

            _outbox = list;
        }

        return _outbox;
    }

    public static string FrameHistory(IEnumerable<HistoryRecord> records)
    {
        var sb = new StringBuilder();
        foreach (var h in records)
        {
            sb.Field(h.Sequence).Field(h.EventType).Field(h.Json);
        }

        return sb.ToString();
    }

    public static int FramedLength(HistoryRecord h) => 12 + Framing.FieldLength(h.EventType) + Framing.FieldLength(h.Json);

    public static string FrameOutbox(IEnumerable<OutboxRecord> records)
    {
        var sb = new StringBuilder();
        foreach (var o in records)
        {
            sb.Field(o.MessageId).Field((long)o.Kind).Field(o.TargetInstanceId).Field(o.Json).Field(o.DueAt?.UtcTicks);
        }

        return sb.ToString();
    }

    public static int FramedLength(OutboxRecord o) =>
        40 + Framing.FieldLength(o.MessageId) + Framing.FieldLength(o.TargetInstanceId) + Framing.FieldLength(o.Json);
}

/// <summary>Times are stored as UTC ticks (Int64): exact, comparable in filters, independent of the service's DateTime precision.</summary>
internal static class Ticks
{
    public static void Write(TableEntity e, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            e[name] = v.UtcTicks;
        }
    }

    public static DateTimeOffset? Read(TableEntity e, string name) =>
        e.GetInt64(name) is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
