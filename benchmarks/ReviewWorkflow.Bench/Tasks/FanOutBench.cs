using Microsoft.DurableTask;

namespace ReviewWorkflow.Bench.Tasks;

/// <summary>Schedules N trivial activities at once and awaits them all.</summary>
internal sealed class FanOutBench : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<int>(nameof(NoopActivity), 1)));
        return results.Sum();
    }
}
