using Microsoft.DurableTask;

namespace ReviewWorkflow.Bench.Tasks;

/// <summary>Waits for N "tick" events, one waiter at a time.</summary>
internal sealed class EventsBench : TaskOrchestrator<int, int>
{
    public const string EventName = "tick";

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var sum = 0;
        for (var i = 0; i < input; i++)
        {
            sum += await context.WaitForExternalEvent<int>(EventName);
        }

        return sum;
    }
}
