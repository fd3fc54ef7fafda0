using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.DurableTask.WakeUps;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.WakeUps;

public sealed class DuplicateWakeUpTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_early_or_repeated_wake_up_changes_nothing_and_the_deadline_is_acted_on_once()
    {
        var time = new FakeTimeProvider(Start);
        var log = new ExecutionLog();
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, time, TestTasks.Services(log));
        var due = Start.AddDays(30);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DeadlineOrchestrator), due, new StartOrchestrationOptions { InstanceId = "deadline" });
        await host.RunUntilIdleAsync();

        // A stale signal (e.g. from a schedule that was since replaced) arrives early: the orchestrator re-evaluates and keeps waiting.
        await host.Client.RaiseEventAsync("deadline", WakeUpSignal.EventName, new WakeUpSignal(Start.AddDays(1), Start.AddDays(1)));
        await host.RunUntilIdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync("deadline"))!.RuntimeStatus);
        Assert.Equal(due, (await host.PendingWakeUpAsync("deadline"))!.DueAt);

        // The sweep crashed after raising and before deleting: the same signal is raised twice.
        time.SetUtcNow(due);
        await host.Client.RaiseEventAsync("deadline", WakeUpSignal.EventName, new WakeUpSignal(due, due));
        await host.Client.RaiseEventAsync("deadline", WakeUpSignal.EventName, new WakeUpSignal(due, due));
        await host.RunUntilIdleAsync();

        var done = await host.Client.GetInstanceAsync("deadline", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal(1, log.Count(nameof(EchoActivity), "deadline"));
        Assert.Equal(0, await host.SweepAsync()); // the finished instance's row is removed, nothing raised
        Assert.Null(await host.PendingWakeUpAsync("deadline"));
    }
}
