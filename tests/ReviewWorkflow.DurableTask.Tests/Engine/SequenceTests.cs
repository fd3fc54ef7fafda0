using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Engine;

public sealed class SequenceTests
{
    [Fact]
    public async Task Activities_in_sequence_complete_with_their_results_in_order()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services());

        var result = await host.RunAsync(nameof(SequenceOrchestrator), 3, new StartOrchestrationOptions { InstanceId = "sequence-1" });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(["echo:sequence-1-1", "echo:sequence-1-2", "echo:sequence-1-3"], result.ReadOutputAs<List<string>>());
    }
}
