// API SURFACE CONTRACT — other projects code against these names. Bodies are filled in by the storage work.
using ReviewWorkflow.Storage.Configuration;

namespace ReviewWorkflow.Storage.Tables;

/// <summary>Entry point for the Table service of one storage account; cheap to keep as a singleton.</summary>
public sealed class TableServiceClient
{
    public TableServiceClient(StorageConnection connection, StorageOptions? options = null) => throw new NotImplementedException();

    public TableClient GetTableClient(string tableName) => throw new NotImplementedException();

    /// <summary>True when the service answers (used by /health).</summary>
    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
}

/// <summary>Operations on one table. Every method validates keys and sizes before sending and throws
/// <see cref="ArgumentException"/> naming the problem; service errors throw <see cref="StorageRequestException"/>.</summary>
public sealed class TableClient
{
    internal TableClient() { }

    public string Name => throw new NotImplementedException();

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task DeleteTableAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Insert; 409 EntityAlreadyExists if present. Returns the new ETag.</summary>
    public Task<string> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Replace or merge guarded by If-Match (<paramref name="ifMatch"/> = ETag or "*"); 412 on mismatch. Returns the new ETag.</summary>
    public Task<string> UpdateEntityAsync(TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Insert-or-replace / insert-or-merge, no If-Match. Returns the new ETag.</summary>
    public Task<string> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Delete guarded by If-Match ("*" = unconditional). 404 throws unless <paramref name="ignoreNotFound"/>.</summary>
    public Task DeleteEntityAsync(string partitionKey, string rowKey, string ifMatch = "*", bool ignoreNotFound = false, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Point read; null when not found.</summary>
    public Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>One page of a query. <paramref name="filter"/> must come from <see cref="TableFilter"/>.</summary>
    public Task<TablePage> QueryPageAsync(string? filter = null, IEnumerable<string>? select = null, int? top = null, TableContinuation? continuation = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>All matching entities, following continuations.</summary>
    public IAsyncEnumerable<TableEntity> QueryAsync(string? filter = null, IEnumerable<string>? select = null, int? maxPerPage = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Entity group transaction: 1..100 operations, one partition, atomic.
    /// Throws <see cref="TableTransactionFailedException"/> naming the failing operation; nothing is written then.</summary>
    public Task<IReadOnlyList<TableTransactionResult>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}

/// <summary>Builds OData $filter strings with every value escaped — never concatenate user input into a filter.</summary>
public static class TableFilter
{
    /// <summary>Formats an interpolated filter, escaping each argument as an OData literal by its type:
    /// <c>TableFilter.Create($"PartitionKey eq {pk} and RowKey ge {from}")</c>.</summary>
    public static string Create(FormattableString filter) => throw new NotImplementedException();

    /// <summary>Escapes one value as an OData literal (strings quoted with '' doubling; dates, GUIDs, longs, binary typed).</summary>
    public static string Literal(object? value) => throw new NotImplementedException();
}
