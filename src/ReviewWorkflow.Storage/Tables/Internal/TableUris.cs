namespace ReviewWorkflow.Storage.Tables.Internal;

/// <summary>Relative paths of table resources, with keys quoted as OData string literals and percent-encoded.</summary>
internal static class TableUris
{
    /// <summary><c>/{table}(PartitionKey='pk',RowKey='rk')</c> with ' doubled, then every reserved or non-ASCII character percent-encoded.</summary>
    public static string EntityPath(string table, string partitionKey, string rowKey)
        => $"/{table}(PartitionKey='{EncodeKey(partitionKey)}',RowKey='{EncodeKey(rowKey)}')";

    public static string EncodeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
