using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>
/// One row per (cycle, route step) that has a calendar event: its id at the provider, what time it was last sent for,
/// its SEQUENCE and whether it was cancelled. The row is written (empty id) BEFORE the event is created, so a retry
/// after a crash between the two creates with the same transaction id rather than a new event. Writes are ETag-guarded.
/// </summary>
public sealed class MeetingEventStore(TableClient table)
{
    public const string DefaultTableName = "ReviewMeetingEvents";

    public TableClient Table => table;

    public static string RowKey(int routeIndex) => "meeting-" + routeIndex.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<MeetingEventRow?> FindAsync(string cycleId, int routeIndex, CancellationToken cancellationToken = default) =>
        await table.FindAsync(cycleId, RowKey(routeIndex), cancellationToken: cancellationToken).ConfigureAwait(false) is { } row ? MeetingEventRow.From(row) : null;

    /// <summary>Inserts the row; when another writer got there first, returns theirs.</summary>
    public async Task<MeetingEventRow> AddAsync(MeetingEventRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            var response = await table.AddEntityAsync(row.ToEntity(), cancellationToken).ConfigureAwait(false);
            return row with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (StorageFailures.IsConflict(ex))
        {
            return await FindAsync(row.CycleId, row.RouteIndex, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("The meeting event row vanished.", ex);
        }
    }

    /// <summary>Replaces the row if nobody changed it since it was read; false (nothing written) otherwise.</summary>
    public async Task<bool> TryUpdateAsync(MeetingEventRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            await table.UpdateEntityAsync(row.ToEntity(), row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (StorageFailures.IsPreconditionFailed(ex) || StorageFailures.IsConflict(ex))
        {
            return false;
        }
    }

    /// <summary>Every row of the cycle (tests and diagnostics).</summary>
    public async Task<IReadOnlyList<MeetingEventRow>> ListAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        TableKeys.Check(cycleId, nameof(cycleId));
        var rows = new List<MeetingEventRow>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {cycleId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(MeetingEventRow.From(row));
        }

        return rows;
    }
}

/// <summary>A stored calendar event of one committee meeting.</summary>
public sealed record MeetingEventRow
{
    public string CycleId { get; init; } = "";

    public int RouteIndex { get; init; }

    /// <summary>The provider's event id; empty while the create is in flight (or was interrupted).</summary>
    public string EventId { get; init; } = "";

    public string TransactionId { get; init; } = "";

    /// <summary>The organizer's email, as first created: updates and the cancellation go to the same calendar.</summary>
    public string Organizer { get; init; } = "";

    /// <summary><see cref="MeetingInvite.When"/> as last sent.</summary>
    public string When { get; init; } = "";

    public int Sequence { get; init; }

    public bool Cancelled { get; init; }

    public ETag ETag { get; init; }

    internal TableEntity ToEntity()
    {
        var entity = new TableEntity(CycleId, MeetingEventStore.RowKey(RouteIndex))
        {
            ["EventId"] = EventId,
            ["TransactionId"] = TransactionId,
            ["Organizer"] = Organizer,
            ["When"] = When,
            ["Sequence"] = Sequence,
            ["Cancelled"] = Cancelled,
            ["RouteIndex"] = RouteIndex,
        };
        TableKeys.CheckBoth(entity.PartitionKey, entity.RowKey);
        return entity;
    }

    internal static MeetingEventRow From(TableEntity entity) => new()
    {
        CycleId = entity.PartitionKey,
        RouteIndex = entity.GetInt32("RouteIndex") ?? 0,
        EventId = entity.GetString("EventId") ?? "",
        TransactionId = entity.GetString("TransactionId") ?? "",
        Organizer = entity.GetString("Organizer") ?? "",
        When = entity.GetString("When") ?? "",
        Sequence = entity.GetInt32("Sequence") ?? 0,
        Cancelled = entity.GetBoolean("Cancelled") ?? false,
        ETag = entity.ETag,
    };
}
