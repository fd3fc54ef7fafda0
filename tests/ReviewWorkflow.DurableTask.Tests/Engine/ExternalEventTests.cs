using Microsoft.DurableTask;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Client;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Engine;

public sealed class ExternalEventTests
{
    [Fact]
    public async Task An_event_raised_before_the_orchestrator_waits_for_it_is_kept_and_delivered()
    {
        var gate = new ActivityGate();
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services(gate: gate));
        var history = host.Services.GetRequiredService<IOrchestrationHistoryReader>();

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EarlyEventOrchestrator), "x", new StartOrchestrationOptions { InstanceId = "early" });
        await gate.WhenEnteredAsync(); // the orchestrator is inside its activity, not yet waiting
        await host.Client.RaiseEventAsync("early", WaitForEventOrchestrator.EventName, "approved early");
        while (!(await history.GetHistoryAsync("early")).OfType<EventRaisedEvent>().Any())
        {
            await Task.Delay(50); // the event is in the history before the wait exists
        }

        gate.Open();
        await host.RunUntilIdleAsync();

        var result = await host.Client.GetInstanceAsync("early", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result!.RuntimeStatus);
        Assert.Equal("approved early", result.ReadOutputAs<string>());
    }
}
