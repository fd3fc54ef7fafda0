// API SURFACE CONTRACT — other projects code against these names. Bodies are filled in by the storage work.
namespace ReviewWorkflow.Storage.Tables;

/// <summary>How an update treats properties missing from the entity.</summary>
public enum TableUpdateMode
{
    /// <summary>PUT: the stored entity becomes exactly this one.</summary>
    Replace,
    /// <summary>MERGE: properties not sent are kept.</summary>
    Merge,
}

/// <summary>Kinds of operation in an entity group transaction.</summary>
public enum TableTransactionActionType
{
    Add,
    UpdateReplace,
    UpdateMerge,
    UpsertReplace,
    UpsertMerge,
    Delete,
}

/// <summary>One operation of an entity group transaction. <see cref="ETag"/> is the If-Match for updates/deletes ("*" = any).</summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, string? ETag = null);

/// <summary>The result of one operation in a committed transaction (the new ETag; null for deletes).</summary>
public sealed record TableTransactionResult(int Status, string? ETag);

/// <summary>Continuation of a query; <see cref="NextRowKey"/> may be null (Azurite and the service both do this).</summary>
public sealed record TableContinuation(string NextPartitionKey, string? NextRowKey);

/// <summary>One page of query results; <see cref="Continuation"/> null means no more pages. A page may be short or empty and still continue.</summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Entities, TableContinuation? Continuation);

/// <summary>The whole transaction was rolled back because operation <see cref="FailedOperationIndex"/> failed.</summary>
public sealed class TableTransactionFailedException : StorageRequestException
{
    public TableTransactionFailedException(int status, string? errorCode, int failedOperationIndex, string message)
        : base(status, errorCode, message)
    {
        FailedOperationIndex = failedOperationIndex;
    }

    /// <summary>Zero-based index of the operation the service reported as failing (-1 if unknown).</summary>
    public int FailedOperationIndex { get; }
}
