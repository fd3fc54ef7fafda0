// TEMPORARY stand-in for E1's ReviewWorkflow.DurableTask wake-up contract until the engine branch is merged.
namespace ReviewWorkflow.DurableTask;

public sealed record WakeUpRequest(string InstanceId, DateTimeOffset DueAt);

public sealed record WakeUpSignal(DateTimeOffset DueAt, DateTimeOffset RaisedAt)
{
    public const string EventName = "wake-up";
}

public sealed class WorkflowTaskRegistry
{
    public WorkflowTaskRegistry AddOrchestrator<T>(string name, string version = "") => this;

    public WorkflowTaskRegistry AddActivity<T>(string? name = null) => this;
}
