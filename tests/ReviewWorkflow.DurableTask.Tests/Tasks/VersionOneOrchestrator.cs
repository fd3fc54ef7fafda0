using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

/// <summary>Version "1" of "Versioned": waits for "go", then answers "v1".</summary>
public sealed class VersionOneOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        await context.WaitForExternalEvent<string>("go");
        return $"v1:{context.Version}";
    }
}
