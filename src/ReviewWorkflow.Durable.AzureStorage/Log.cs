using Microsoft.Extensions.Logging;

namespace ReviewWorkflow.Durable.AzureStorage;

internal static partial class Log
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Could not update the index row of instance {InstanceId}; the sweep repairs it")]
    public static partial void IndexUpdateFailed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "Clean-up after a commit of instance {InstanceId} left {Count} rows; a later commit retries")]
    public static partial void CleanupIncomplete(ILogger logger, string instanceId, int count, Exception exception);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Commit of instance {InstanceId} needed {Batches} ahead-written batches ({Rows} rows)")]
    public static partial void OversizedCommit(ILogger logger, string instanceId, int batches, int rows);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Activity message {MessageId} references payload {ContentId} which no longer exists; setting it aside")]
    public static partial void PayloadMissing(ILogger logger, string messageId, string contentId);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Index repair rewrote {Rewritten} rows and removed {Removed}")]
    public static partial void IndexRepaired(ILogger logger, int rewritten, int removed);
}
