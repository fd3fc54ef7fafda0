using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

/// <summary>One slow activity, then a final echo that marks completion.</summary>
public sealed class SlowOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var slow = await context.CallActivityAsync<string>(nameof(SlowActivity), input);
        await context.CallActivityAsync<string>(nameof(EchoActivity), "completed");
        return slow;
    }
}
