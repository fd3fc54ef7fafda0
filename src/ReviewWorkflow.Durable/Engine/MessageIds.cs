using System.Globalization;

namespace ReviewWorkflow.Durable.Engine;

/// <summary>Deterministic message ids: the dedupe keys of inbox and outbox (documented in Store/README.md).</summary>
internal static class MessageIds
{
    public static string Start(string instanceId, string executionId) => $"{instanceId}|{executionId}|start";

    public static string Activity(string instanceId, string executionId, int taskId) => Join(instanceId, executionId, "task", taskId);

    public static string ActivityResult(string instanceId, string executionId, int taskId) => Activity(instanceId, executionId, taskId) + "|result";

    public static string Timer(string instanceId, string executionId, int timerId) => Join(instanceId, executionId, "timer", timerId);

    public static string SubOrchestration(string instanceId, string executionId, int taskId) => Join(instanceId, executionId, "sub", taskId);

    public static string SubOrchestrationResult(string parentId, string parentExecutionId, int taskId) => SubOrchestration(parentId, parentExecutionId, taskId) + "|result";

    public static string EventSent(string instanceId, string executionId, int eventId) => Join(instanceId, executionId, "event", eventId);

    public static string Carried(string instanceId, string executionId, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{instanceId}|{executionId}|carry|{n:D6}");

    private static long _clientCounter;

    /// <summary>
    /// A new unique id that sorts in send order within a process (the engine orders messages with equal timestamps
    /// by id, so events raised back to back stay first-in first-out).
    /// </summary>
    public static string NewClientMessageId(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now.UtcTicks:x16}{Interlocked.Increment(ref _clientCounter):x12}{Guid.NewGuid():N}");

    private static string Join(string instanceId, string executionId, string kind, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{instanceId}|{executionId}|{kind}|{n}");
}
