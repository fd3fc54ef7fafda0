// TEMPORARY stand-in for E1's ReviewWorkflow.DurableTask wake-up contract until the engine branch is merged.
#pragma warning disable CA1822, CA1062
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

public sealed class WakeUpSweeper
{
    public void RequestSweep()
    {
    }
}

public static class DurableTaskServiceCollectionExtensions
{
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddReviewWorkflowDurableTask(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration, Action<WorkflowTaskRegistry> register) => services;
}
