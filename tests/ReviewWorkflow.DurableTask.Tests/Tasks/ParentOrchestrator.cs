using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

/// <summary>Starts "Child" version "2" as "{parent}:child" and returns what it answered.</summary>
public sealed class ParentOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var options = new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:child", Version = "2" };
        return await context.CallSubOrchestratorAsync<string>("Child", input, options);
    }
}
