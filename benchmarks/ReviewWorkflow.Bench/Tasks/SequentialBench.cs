using Microsoft.DurableTask;

namespace ReviewWorkflow.Bench.Tasks;

/// <summary>Calls the trivial activity N times, one after another.</summary>
internal sealed class SequentialBench : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var sum = 0;
        for (var i = 0; i < input; i++)
        {
            sum += await context.CallActivityAsync<int>(nameof(NoopActivity), 1);
        }

        return sum;
    }
}
