using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

/// <summary>Echoes its input once, then waits for the "approval" event and returns its payload.</summary>
public sealed class WaitForEventOrchestrator : TaskOrchestrator<string, string>
{
    public const string EventName = "approval";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        await context.CallActivityAsync<string>(nameof(EchoActivity), input);
        context.SetCustomStatus("waiting");
        var approval = await context.WaitForExternalEvent<string>(EventName);
        context.SetCustomStatus("done");
        return approval;
    }
}
