using Microsoft.DurableTask;
using ReviewWorkflow.DurableTask.Tests.Tasks;

namespace ReviewWorkflow.DurableTask.Tests.GoldenHistories.Changed;

/// <summary><see cref="WaitForEventOrchestrator"/> after a change that inserts an activity before the wait.</summary>
public sealed class WaitWithExtraStep : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        await context.CallActivityAsync<string>(nameof(EchoActivity), input);
        await context.CallActivityAsync<string>(nameof(EchoActivity), "reminder");
        return await context.WaitForExternalEvent<string>(WaitForEventOrchestrator.EventName);
    }
}
