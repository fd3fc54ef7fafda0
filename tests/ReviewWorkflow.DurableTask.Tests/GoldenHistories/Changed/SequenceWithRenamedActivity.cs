using Microsoft.DurableTask;
using ReviewWorkflow.DurableTask.Tests.Tasks;

namespace ReviewWorkflow.DurableTask.Tests.GoldenHistories.Changed;

/// <summary><see cref="SequenceOrchestrator"/> after its activity was renamed.</summary>
public sealed class SequenceWithRenamedActivity : TaskOrchestrator<int, List<string>>
{
    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, int input)
    {
        var results = new List<string>();
        for (var i = 1; i <= input; i++)
        {
            results.Add(await context.CallActivityAsync<string>("EchoActivityV2", $"{context.InstanceId}-{i}"));
        }

        return results;
    }
}
