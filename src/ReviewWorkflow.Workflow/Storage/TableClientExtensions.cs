using Azure;
using Azure.Data.Tables;

namespace ReviewWorkflow.Workflow.Storage;

/// <summary>The point read every store needs: the row, or null when it is not there.</summary>
public static class TableClientExtensions
{
    /// <summary>Reads one row after checking its keys (<see cref="TableKeys"/>); null when there is no such row. A table
    /// that does not exist (yet: the first seconds after a cold start) is not "no row": the SDK reports both as "no
    /// value", so its 404's error code is checked and TableNotFound thrown, which the outage handling answers with 503.</summary>
    public static async Task<TableEntity?> FindAsync(this TableClient table, string partitionKey, string rowKey,
        IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableKeys.CheckBoth(partitionKey, rowKey);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        if (response.HasValue)
        {
            return response.Value;
        }

        var raw = response.GetRawResponse();
        return raw.Headers.TryGetValue("x-ms-error-code", out var code) && code == "TableNotFound" ? throw new RequestFailedException(raw) : null;
    }
}
