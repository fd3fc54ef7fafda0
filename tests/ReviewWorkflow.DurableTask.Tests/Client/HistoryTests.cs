using Microsoft.DurableTask;
using DurableTask.Core.History;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Client;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Client;

public sealed class HistoryTests
{
    [Fact]
    public async Task History_lists_the_execution_from_start_to_completion_with_each_activity()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services());
        await host.RunAsync(nameof(SequenceOrchestrator), 2, new StartOrchestrationOptions { InstanceId = "with-history" });

        var history = await host.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync("with-history");

        var started = Assert.IsType<ExecutionStartedEvent>(history.First(e => e.EventType == EventType.ExecutionStarted));
        Assert.Equal(nameof(SequenceOrchestrator), started.Name);
        Assert.Equal("2", started.Input);
        Assert.Equal([nameof(EchoActivity), nameof(EchoActivity)], history.OfType<TaskScheduledEvent>().Select(e => e.Name));
        Assert.Equal(["\"echo:with-history-1\"", "\"echo:with-history-2\""], history.OfType<TaskCompletedEvent>().Select(e => e.Result));
        Assert.Single(history.OfType<ExecutionCompletedEvent>());
        Assert.Equal(history.Count, (await host.Client.GetOrchestrationHistoryAsync("with-history")).Count);
    }

    [Fact]
    public async Task History_of_an_unknown_instance_is_empty()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services());

        Assert.Empty(await host.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync("nobody"));
    }
}
