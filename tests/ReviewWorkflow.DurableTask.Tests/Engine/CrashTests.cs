using Microsoft.DurableTask;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Client;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Engine;

public sealed class CrashTests
{
    [Fact]
    public async Task An_activity_in_flight_at_a_crash_runs_again_and_the_orchestration_completes_once()
    {
        var log = new ExecutionLog();
        var gate = new ActivityGate();
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services(log, gate));
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SlowOrchestrator), "x", new StartOrchestrationOptions { InstanceId = "crashing" });
        await gate.WhenEnteredAsync();

        await host.RestartWorkerAsync(); // the first execution is still inside the activity
        gate.Open();                     // ...and finishes on the dead worker: its result must be lost
        await host.RunUntilIdleAsync();  // redelivered after the visibility timeout, run again on the new worker

        var done = await host.Client.GetInstanceAsync("crashing", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal("slow:x", done.ReadOutputAs<string>());
        Assert.Equal(2, log.Count(nameof(SlowActivity), "crashing"));
        Assert.Equal(1, log.Count(nameof(EchoActivity), "crashing"));
        var history = await host.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync("crashing");
        Assert.Single(history.OfType<ExecutionCompletedEvent>());
        Assert.Single(history.OfType<TaskCompletedEvent>(), e => e.Result == "\"slow:x\"");
    }
}
