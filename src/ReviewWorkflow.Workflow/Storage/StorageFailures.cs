using Azure;

namespace ReviewWorkflow.Workflow.Storage;

/// <summary>How the Azure SDK reports storage trouble, sorted into what callers act on.</summary>
public static class StorageFailures
{
    /// <summary>409: the row exists (an insert lost a race, or a transaction's insert did).</summary>
    public static bool IsConflict(RequestFailedException exception) => exception?.Status == 409;

    /// <summary>412: the row changed since its ETag was read (a guarded replace lost a race).</summary>
    public static bool IsPreconditionFailed(RequestFailedException exception) => exception?.Status == 412;

    /// <summary>
    /// Storage could not answer: unreachable or timed out (the SDK's status 0, or its "retry failed" aggregate of such
    /// failures), busy or failing after the SDK's own retries (408, 429, 5xx), or a table or queue not created yet (the
    /// first seconds after a cold start). Nothing was stored by the request that met it, so retrying later is safe.
    /// </summary>
    public static bool IsOutage(Exception? exception) => exception switch
    {
        RequestFailedException e => e.Status is 0 or 408 or 429 or >= 500
                                    || (e.Status == 404 && e.ErrorCode is "TableNotFound" or "QueueNotFound"),
        AggregateException { InnerExceptions.Count: > 0 } all => all.InnerExceptions.All(IsOutage),
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    /// <summary>The status and error code to log for an outage (the first failure of an aggregate).</summary>
    public static (int Status, string? ErrorCode) Describe(Exception exception) => exception switch
    {
        RequestFailedException e => (e.Status, e.ErrorCode),
        AggregateException { InnerExceptions.Count: > 0 } all => Describe(all.InnerExceptions[^1]),
        _ => (0, null),
    };
}
