using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

public sealed class ChildOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var echoed = await context.CallActivityAsync<string>(nameof(EchoActivity), input);
        return $"{context.InstanceId}@{context.Version}:{echoed}";
    }
}
