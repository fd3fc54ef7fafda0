using ReviewWorkflow.Durable.History;

namespace ReviewWorkflow.Durable.Execution;

/// <summary>Something orchestrator code asked for in a step; becomes a history event and (after commit) work.</summary>
internal abstract record OrchestratorAction(int Id)
{
    /// <summary>How the action reads in a nondeterminism message.</summary>
    public abstract string Describe();

    public abstract HistoryEvent ToHistoryEvent(DateTimeOffset timestamp);
}

internal sealed record ScheduleTaskAction(int Id, string Name, string? Input) : OrchestratorAction(Id)
{
    public override string Describe() => $"calls activity '{Name}'";

    public override HistoryEvent ToHistoryEvent(DateTimeOffset timestamp) => new TaskScheduled(Id, Name, Input) { Timestamp = timestamp };
}

internal sealed record CreateTimerAction(int Id, DateTimeOffset FireAt) : OrchestratorAction(Id)
{
    public override string Describe() => $"creates a timer firing at {FireAt:o}";

    public override HistoryEvent ToHistoryEvent(DateTimeOffset timestamp) => new TimerCreated(Id, FireAt) { Timestamp = timestamp };
}

internal sealed record CreateSubOrchestrationAction(int Id, string Name, string? Version, string InstanceId, string? Input) : OrchestratorAction(Id)
{
    public override string Describe() => $"calls sub-orchestration '{Name}' (instance '{InstanceId}')";

    public override HistoryEvent ToHistoryEvent(DateTimeOffset timestamp) => new SubOrchestrationInstanceCreated(Id, Name, Version, InstanceId, Input) { Timestamp = timestamp };
}

internal sealed record SendEventAction(int Id, string InstanceId, string Name, string? Input) : OrchestratorAction(Id)
{
    public override string Describe() => $"sends event '{Name}' to instance '{InstanceId}'";

    public override HistoryEvent ToHistoryEvent(DateTimeOffset timestamp) => new EventSent(Id, InstanceId, Name, Input) { Timestamp = timestamp };
}
