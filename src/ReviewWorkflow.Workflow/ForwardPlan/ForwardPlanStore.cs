using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.ForwardPlan;

/// <summary>
/// The forward plan's own facts, one partition per cycle: when each key decision was first published
/// (<c>first-published-NN</c>, written once: an insert that loses a race keeps the earlier row) and the exception
/// route the clerk recorded for a late one (<c>exception-NN</c>, written once). Rows are never updated.
/// </summary>
public sealed class ForwardPlanStore(TableClient table)
{
    public const string DefaultTableName = "ReviewForwardPlan";

    private const string FirstPublishedPrefix = "first-published-";
    private const string ExceptionPrefix = "exception-";

    public TableClient Table => table;

    /// <summary>Every stored fact of the cycle: first-published dates and exceptions by route key ("00", "01", ...).</summary>
    public async Task<(IReadOnlyDictionary<string, DateOnly> FirstPublished, IReadOnlyDictionary<string, KeyDecisionExceptionRecord> Exceptions)> ReadAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        TableKeys.Check(cycleId, nameof(cycleId));
        var first = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var exceptions = new Dictionary<string, KeyDecisionExceptionRecord>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {cycleId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey.StartsWith(FirstPublishedPrefix, StringComparison.Ordinal) && DateOnly.TryParseExact(row.GetString("Date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                first[row.RowKey[FirstPublishedPrefix.Length..]] = date;
            }
            else if (row.RowKey.StartsWith(ExceptionPrefix, StringComparison.Ordinal))
            {
                exceptions[row.RowKey[ExceptionPrefix.Length..]] = ToException(row);
            }
        }

        return (first, exceptions);
    }

    /// <summary>Stores <paramref name="date"/> as the first-published date unless one is stored; returns the stored one.</summary>
    public async Task<DateOnly> RecordFirstPublishedAsync(string cycleId, string routeKey, DateOnly date, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(cycleId, FirstPublishedPrefix + routeKey) { ["Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        TableKeys.CheckBoth(entity.PartitionKey, entity.RowKey);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return date;
        }
        catch (RequestFailedException ex) when (StorageFailures.IsConflict(ex))
        {
            var stored = await table.FindAsync(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return stored is not null && DateOnly.TryParseExact(stored.GetString("Date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var earlier) ? earlier : date;
        }
    }

    /// <summary>Stores the exception unless one is stored for this key decision; returns the one stored (this or the earlier).</summary>
    public async Task<KeyDecisionExceptionRecord> RecordExceptionAsync(string cycleId, string routeKey, KeyDecisionExceptionRecord exception, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var entity = new TableEntity(cycleId, ExceptionPrefix + routeKey)
        {
            ["Route"] = exception.Route.ToString(),
            ["Reason"] = exception.Reason,
            ["ChairName"] = exception.ChairName,
            ["ChairAgreedOn"] = exception.ChairAgreedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["RecordedBy"] = exception.RecordedBy,
            ["RecordedAt"] = exception.RecordedAt,
            ["IdempotencyKey"] = exception.IdempotencyKey,
        };
        TableKeys.CheckBoth(entity.PartitionKey, entity.RowKey);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return exception;
        }
        catch (RequestFailedException ex) when (StorageFailures.IsConflict(ex))
        {
            var stored = await table.FindAsync(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return stored is null ? exception : ToException(stored);
        }
    }

    private static KeyDecisionExceptionRecord ToException(TableEntity row) => new()
    {
        Route = Enum.TryParse<ExceptionRoute>(row.GetString("Route"), out var route) ? route : ExceptionRoute.GeneralException,
        Reason = row.GetString("Reason") ?? "",
        ChairName = row.GetString("ChairName"),
        ChairAgreedOn = DateOnly.TryParseExact(row.GetString("ChairAgreedOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var agreed) ? agreed : null,
        RecordedBy = row.GetString("RecordedBy") ?? "",
        RecordedAt = row.GetDateTimeOffset("RecordedAt") ?? default,
        IdempotencyKey = row.GetString("IdempotencyKey") ?? "",
    };
}
