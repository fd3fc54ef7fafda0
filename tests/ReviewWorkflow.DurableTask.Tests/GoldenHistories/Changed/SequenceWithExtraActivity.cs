using Microsoft.DurableTask;
using ReviewWorkflow.DurableTask.Tests.Tasks;

namespace ReviewWorkflow.DurableTask.Tests.GoldenHistories.Changed;

/// <summary><see cref="SequenceOrchestrator"/> after a change that adds a notice at the end.</summary>
public sealed class SequenceWithExtraActivity : TaskOrchestrator<int, List<string>>
{
    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, int input)
    {
        var results = new List<string>();
        for (var i = 1; i <= input; i++)
        {
            results.Add(await context.CallActivityAsync<string>(nameof(EchoActivity), $"{context.InstanceId}-{i}"));
        }

        await context.CallActivityAsync<string>(nameof(EchoActivity), "notice");
        return results;
    }
}
