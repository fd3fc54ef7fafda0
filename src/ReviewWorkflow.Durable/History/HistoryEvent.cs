using System.Text.Json.Serialization;

namespace ReviewWorkflow.Durable.History;

/// <summary>
/// One event of an orchestration's history (also the payload of inbox messages). Immutable; stored as JSON with a
/// <c>type</c> discriminator. <see cref="MessageId"/> is the inbox message an event came from (the dedupe key).
/// See README.md in this folder for every event type and its fields.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(OrchestratorStarted), nameof(OrchestratorStarted))]
[JsonDerivedType(typeof(ExecutionStarted), nameof(ExecutionStarted))]
[JsonDerivedType(typeof(ExecutionCompleted), nameof(ExecutionCompleted))]
[JsonDerivedType(typeof(ExecutionTerminated), nameof(ExecutionTerminated))]
[JsonDerivedType(typeof(ExecutionSuspended), nameof(ExecutionSuspended))]
[JsonDerivedType(typeof(ExecutionResumed), nameof(ExecutionResumed))]
[JsonDerivedType(typeof(TaskScheduled), nameof(TaskScheduled))]
[JsonDerivedType(typeof(TaskCompleted), nameof(TaskCompleted))]
[JsonDerivedType(typeof(TaskFailed), nameof(TaskFailed))]
[JsonDerivedType(typeof(SubOrchestrationInstanceCreated), nameof(SubOrchestrationInstanceCreated))]
[JsonDerivedType(typeof(SubOrchestrationInstanceCompleted), nameof(SubOrchestrationInstanceCompleted))]
[JsonDerivedType(typeof(SubOrchestrationInstanceFailed), nameof(SubOrchestrationInstanceFailed))]
[JsonDerivedType(typeof(TimerCreated), nameof(TimerCreated))]
[JsonDerivedType(typeof(TimerFired), nameof(TimerFired))]
[JsonDerivedType(typeof(EventSent), nameof(EventSent))]
[JsonDerivedType(typeof(EventRaised), nameof(EventRaised))]
public abstract record HistoryEvent
{
    /// <summary>When the event happened (for inbox messages: when it was sent; for timers: the fire time).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The inbox message this event was consumed from, if any.</summary>
    public string? MessageId { get; init; }

    /// <summary>The execution the message is meant for (results and timers); null = the current one.</summary>
    public string? ExecutionId { get; init; }

    /// <summary>The type name used as discriminator and as <c>EventType</c> in store rows.</summary>
    [JsonIgnore]
    public string EventType => GetType().Name;
}

/// <summary>Starts each step; its timestamp is <c>CurrentUtcDateTime</c> for the code run in that step.</summary>
public sealed record OrchestratorStarted : HistoryEvent;

public sealed record ExecutionStarted(string Name, string? Version, string? Input) : HistoryEvent
{
    public string? ParentInstanceId { get; init; }
    public string? ParentName { get; init; }
    public string? ParentExecutionId { get; init; }
    /// <summary>The parent's task id for this sub-orchestration (its result goes back under this id).</summary>
    public int? ParentTaskId { get; init; }
    public DateTimeOffset? ScheduledStartAt { get; init; }
}

public sealed record ExecutionCompleted(OrchestrationRuntimeStatus Status, string? Result, TaskFailureDetails? FailureDetails) : HistoryEvent;

public sealed record ExecutionTerminated(string? Output) : HistoryEvent;

public sealed record ExecutionSuspended(string? Reason) : HistoryEvent;

public sealed record ExecutionResumed(string? Reason) : HistoryEvent;

/// <summary>The orchestrator scheduled activity <see cref="Name"/> as task <see cref="EventId"/>.</summary>
public sealed record TaskScheduled(int EventId, string Name, string? Input) : HistoryEvent;

public sealed record TaskCompleted(int TaskScheduledId, string? Result) : HistoryEvent;

public sealed record TaskFailed(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent;

public sealed record SubOrchestrationInstanceCreated(int EventId, string Name, string? Version, string InstanceId, string? Input) : HistoryEvent;

public sealed record SubOrchestrationInstanceCompleted(int TaskScheduledId, string? Result) : HistoryEvent;

public sealed record SubOrchestrationInstanceFailed(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent;

public sealed record TimerCreated(int EventId, DateTimeOffset FireAt) : HistoryEvent;

public sealed record TimerFired(int TimerId, DateTimeOffset FireAt) : HistoryEvent;

public sealed record EventSent(int EventId, string InstanceId, string Name, string? Input) : HistoryEvent;

public sealed record EventRaised(string Name, string? Input) : HistoryEvent;
