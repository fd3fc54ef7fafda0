using Azure.Data.Tables;

namespace ReviewWorkflow.Workflow.Storage;

/// <summary>The point read every store needs: the row, or null when it is not there (a missing table still throws).</summary>
public static class TableClientExtensions
{
    /// <summary>Reads one row after checking its keys (<see cref="TableKeys"/>); null when there is no such row.</summary>
    public static async Task<TableEntity?> FindAsync(this TableClient table, string partitionKey, string rowKey,
        IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableKeys.CheckBoth(partitionKey, rowKey);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }
}
