namespace ReviewWorkflow.Storage;

/// <summary>
/// A request to Table or Queue storage failed. Carries the HTTP status and the service's error code
/// (EntityAlreadyExists, UpdateConditionNotSatisfied, ResourceNotFound, TableNotFound, QueueNotFound, ...).
/// </summary>
public class StorageRequestException : Exception
{
    public StorageRequestException(int status, string? errorCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public StorageRequestException() : this(0, null, "Storage request failed.") { }
    public StorageRequestException(string message) : this(0, null, message) { }
    public StorageRequestException(string message, Exception inner) : this(0, null, message, inner) { }

    /// <summary>HTTP status code, or 0 when the request never got an answer.</summary>
    public int Status { get; }

    /// <summary>The service's error code, from the x-ms-error-code header or the error body.</summary>
    public string? ErrorCode { get; }

    public bool IsNotFound => Status == 404;
    public bool IsConflict => Status == 409;
    public bool IsPreconditionFailed => Status == 412;
}
