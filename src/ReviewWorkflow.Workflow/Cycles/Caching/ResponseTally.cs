using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Cycles.Caching;

/// <summary>
/// Each consultee's response status and late flag, read live from the responses table with only those columns selected:
/// what the dashboard, the cycle page and the consultee list need, without transferring and parsing every response's
/// answers and comments (about 1 KB a row) as <see cref="ResponseStore.ListAsync"/> does.
/// </summary>
internal static class ResponseTally
{
    private static readonly string[] Columns = ["PartitionKey", "RowKey", "Status", "Late"];

    public static async Task<IReadOnlyDictionary<string, (ResponseStatus Status, bool Late)>> ReadAsync(TableClient table, string cycleId, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, (ResponseStatus, bool)>(StringComparer.Ordinal);
        var filter = TableFilter.Create($"PartitionKey eq {cycleId} and Kind eq {"response"}");
        await foreach (var entity in table.QueryAsync(filter, Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows[entity.RowKey] = (Enum.TryParse<ResponseStatus>(entity.GetString("Status"), out var status) ? status : ResponseStatus.InProgress, entity.GetBoolean("Late") ?? false);
        }

        return rows;
    }
}
