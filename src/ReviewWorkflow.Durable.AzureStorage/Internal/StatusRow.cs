using System.Text;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Durable.AzureStorage.Internal;

/// <summary>
/// Store bookkeeping kept in the status row next to the engine's <see cref="InstanceRecord"/>.
/// <list type="bullet">
/// <item><see cref="CommitNo"/>: the store's own commit counter (+1 per commit); rows written ahead of an anchor carry the
/// number of the commit they belong to, so a reader can tell an in-flight writer's rows (number &gt; CommitNo) from a
/// loser's orphans (number ≤ CommitNo and tag not committed).</item>
/// <item><see cref="Epoch"/>/<see cref="HistoryCount"/>: which history packs are current (ReplaceHistory starts a new epoch)
/// and how many records they hold.</item>
/// <item><see cref="LiveTags"/>: tags of committed oversized commits whose ahead-written rows still exist.</item>
/// <item><see cref="ConsumedPending"/>/<see cref="RemovedPending"/>: inbox ids consumed and outbox ids removed by a commit
/// whose row deletions did not fit its anchor batch. Readers hide them; the ids are dropped once the rows are gone.</item>
/// </list>
/// </summary>
internal sealed record StoreMeta(
    long CommitNo,
    int Epoch,
    int HistoryCount,
    IReadOnlySet<string> LiveTags,
    IReadOnlySet<string> ConsumedPending,
    IReadOnlySet<string> RemovedPending)
{
    public static readonly StoreMeta Initial = new(1, 0, 0, new HashSet<string>(), new HashSet<string>(), new HashSet<string>());
}

/// <summary>Encodes the status row: the InstanceRecord fields, large values via <see cref="Payloads"/>, and <see cref="StoreMeta"/>.</summary>
internal static class StatusRow
{
    private const int PayloadRowSegments = 4;
    private const int MetaRowSegments = 8;
    private static readonly string[] PayloadNames = ["Input", "Output", "CustomStatus", "FailureDetails"];

    public static TableEntity Build(
        string partitionKey,
        InstanceRecord record,
        StoreMeta meta,
        TableEntity? previous,
        InstanceRecord? previousRecord,
        ChunkRowFactory chunkRow,
        List<TableEntity> chunkRows)
    {
        var e = new TableEntity(partitionKey, RowLayout.StatusKey)
        {
            ["InstanceId"] = record.InstanceId,
            ["Name"] = record.Name,
            ["ExecutionId"] = record.ExecutionId,
            ["RuntimeStatus"] = (int)record.RuntimeStatus,
            ["Generation"] = record.Generation,
            ["HistoryCount"] = record.HistoryCount,
            ["StepCount"] = record.StepCount,
            ["HasPendingOutbox"] = record.HasPendingOutbox,
            [Columns.CommitNo] = meta.CommitNo,
            [Columns.Epoch] = meta.Epoch,
            ["HC"] = meta.HistoryCount,
        };
        if (record.Version is not null)
        {
            e["Version"] = record.Version;
        }

        if (record.ParentInstanceId is not null)
        {
            e["ParentInstanceId"] = record.ParentInstanceId;
        }

        Ticks.Write(e, "CreatedAt", record.CreatedAt);
        Ticks.Write(e, "LastUpdatedAt", record.LastUpdatedAt);
        Ticks.Write(e, "CompletedAt", record.CompletedAt);
        Ticks.Write(e, "ScheduledStartAt", record.ScheduledStartAt);
        Ticks.Write(e, "NextWakeAt", record.NextWakeAt);

        string?[] values = [record.Input, record.Output, record.CustomStatus, record.FailureDetails];
        string?[] previousValues = [previousRecord?.Input, previousRecord?.Output, previousRecord?.CustomStatus, previousRecord?.FailureDetails];
        for (var i = 0; i < PayloadNames.Length; i++)
        {
            // An unchanged large value (typically the input) keeps its chunk rows: no rewrite of a megabyte per step.
            if (previous is not null
                && values[i] is not null
                && string.Equals(values[i], previousValues[i], StringComparison.Ordinal)
                && Payloads.ReferenceOf(previous, PayloadNames[i]) is not null)
            {
                Payloads.CopyStored(previous, e, PayloadNames[i]);
            }
            else
            {
                Payloads.Write(e, PayloadNames[i], values[i], PayloadRowSegments, chunkRow, chunkRows);
            }
        }

        if (meta.LiveTags.Count + meta.ConsumedPending.Count + meta.RemovedPending.Count > 0)
        {
            var text = new StringBuilder()
                .Field(Framing.List(meta.LiveTags.Order(StringComparer.Ordinal)))
                .Field(Framing.List(meta.ConsumedPending.Order(StringComparer.Ordinal)))
                .Field(Framing.List(meta.RemovedPending.Order(StringComparer.Ordinal)))
                .ToString();
            Payloads.Write(e, "Meta", text, MetaRowSegments, chunkRow, chunkRows);
        }

        return e;
    }

    public static InstanceRecord ReadRecord(TableEntity e, ChunkLookup chunks) => new()
    {
        InstanceId = e.GetString("InstanceId") ?? KeySanitizer.Unsanitize(e.PartitionKey),
        Name = e.GetString("Name") ?? "",
        Version = e.GetString("Version"),
        ExecutionId = e.GetString("ExecutionId") ?? "",
        RuntimeStatus = (OrchestrationRuntimeStatus)(e.GetInt32("RuntimeStatus") ?? 0),
        Input = Payloads.Read(e, "Input", c => chunks(c)),
        Output = Payloads.Read(e, "Output", c => chunks(c)),
        CustomStatus = Payloads.Read(e, "CustomStatus", c => chunks(c)),
        FailureDetails = Payloads.Read(e, "FailureDetails", c => chunks(c)),
        CreatedAt = Ticks.Read(e, "CreatedAt") ?? default,
        LastUpdatedAt = Ticks.Read(e, "LastUpdatedAt") ?? default,
        CompletedAt = Ticks.Read(e, "CompletedAt"),
        ScheduledStartAt = Ticks.Read(e, "ScheduledStartAt"),
        ParentInstanceId = e.GetString("ParentInstanceId"),
        Generation = e.GetInt32("Generation") ?? 0,
        HistoryCount = e.GetInt32("HistoryCount") ?? 0,
        StepCount = e.GetInt64("StepCount") ?? 0,
        NextWakeAt = Ticks.Read(e, "NextWakeAt"),
        HasPendingOutbox = e.GetBoolean("HasPendingOutbox") ?? false,
        ETag = e.ETag,
    };

    public static StoreMeta ReadMeta(TableEntity e, ChunkLookup chunks)
    {
        var commitNo = e.GetInt64(Columns.CommitNo) ?? 1;
        var epoch = e.GetInt32(Columns.Epoch) ?? 0;
        var count = e.GetInt32("HC") ?? 0;
        var text = Payloads.Read(e, "Meta", c => chunks(c));
        if (string.IsNullOrEmpty(text))
        {
            return StoreMeta.Initial with { CommitNo = commitNo, Epoch = epoch, HistoryCount = count };
        }

        var reader = new FrameReader(text);
        return new StoreMeta(
            commitNo,
            epoch,
            count,
            Framing.ParseList(reader.String()).ToHashSet(StringComparer.Ordinal),
            Framing.ParseList(reader.String()).ToHashSet(StringComparer.Ordinal),
            Framing.ParseList(reader.String()).ToHashSet(StringComparer.Ordinal));
    }
}
