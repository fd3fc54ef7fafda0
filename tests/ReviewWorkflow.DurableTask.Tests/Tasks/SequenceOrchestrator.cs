using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

/// <summary>Calls the echo activity <c>count</c> times in a row.</summary>
public sealed class SequenceOrchestrator : TaskOrchestrator<int, List<string>>
{
    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, int input)
    {
        var results = new List<string>();
        for (var i = 1; i <= input; i++)
        {
            results.Add(await context.CallActivityAsync<string>(nameof(EchoActivity), $"{context.InstanceId}-{i}"));
        }

        return results;
    }
}
