using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

/// <summary>Version "2" of "Versioned": a different shape (an activity first), then "v2".</summary>
public sealed class VersionTwoOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        await context.CallActivityAsync<string>(nameof(EchoActivity), input);
        await context.WaitForExternalEvent<string>("go");
        return $"v2:{context.Version}";
    }
}
