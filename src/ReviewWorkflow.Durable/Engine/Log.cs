using Microsoft.Extensions.Logging;

namespace ReviewWorkflow.Durable.Engine;

/// <summary>The runtime's log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Debug, "Instance {InstanceId}: step {Step} committed ({Events} new events, {Outbox} outbox records, status {Status}).")]
    public static partial void StepCommitted(ILogger logger, string instanceId, long step, int events, int outbox, OrchestrationRuntimeStatus status);

    [LoggerMessage(1002, LogLevel.Information, "Instance {InstanceId}: dropped message {MessageId} ({EventType}): {Reason}.")]
    public static partial void MessageDropped(ILogger logger, string instanceId, string messageId, string eventType, string reason);

    [LoggerMessage(1003, LogLevel.Warning, "Instance {InstanceId}: another worker committed first; the work item will be retried.")]
    public static partial void ConcurrencyConflict(ILogger logger, string instanceId);

    [LoggerMessage(1004, LogLevel.Warning, "Work item {Kind} failed (attempt {DequeueCount}); it will be retried.")]
    public static partial void WorkItemFailed(ILogger logger, Exception exception, string kind, long dequeueCount);

    [LoggerMessage(1005, LogLevel.Error, "Work item {Kind} {MessageId} failed {DequeueCount} times and was set aside as poison: {Reason}")]
    public static partial void WorkItemPoisoned(ILogger logger, string kind, string messageId, long dequeueCount, string reason);

    [LoggerMessage(1006, LogLevel.Warning, "Instance {InstanceId}: re-dispatching outbox record {MessageId} left pending by an earlier step.")]
    public static partial void OutboxRedispatched(ILogger logger, string instanceId, string messageId);

    [LoggerMessage(1007, LogLevel.Error, "Instance {InstanceId} failed: {Failure}")]
    public static partial void OrchestrationFailed(ILogger logger, string instanceId, string failure);

    [LoggerMessage(1008, LogLevel.Debug, "Sweep at {Now:o} woke {Count} instances.")]
    public static partial void SweepWoke(ILogger logger, DateTimeOffset now, int count);

    [LoggerMessage(1009, LogLevel.Warning, "Instance {InstanceId}: sub-orchestration or message target {TargetId} already exists; not created again.")]
    public static partial void TargetExists(ILogger logger, string instanceId, string targetId);

    [LoggerMessage(1010, LogLevel.Debug, "Instance {InstanceId}: cleanup commit lost a race; the outbox will be cleared by a later step.")]
    public static partial void CleanupConflict(ILogger logger, string instanceId);

    [LoggerMessage(1011, LogLevel.Error, "Dispatcher loop {Kind} failed; continuing.")]
    public static partial void DispatcherLoopFailed(ILogger logger, Exception exception, string kind);
}
