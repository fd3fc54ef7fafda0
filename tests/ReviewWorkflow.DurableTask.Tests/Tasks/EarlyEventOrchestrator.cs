using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

/// <summary>Runs the slow activity first and only then waits for "approval".</summary>
public sealed class EarlyEventOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        await context.CallActivityAsync<string>(nameof(SlowActivity), input);
        return await context.WaitForExternalEvent<string>(WaitForEventOrchestrator.EventName);
    }
}
