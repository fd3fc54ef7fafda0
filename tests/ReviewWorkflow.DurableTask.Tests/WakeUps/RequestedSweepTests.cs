using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.WakeUps;

public sealed class RequestedSweepTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task After_the_clock_jumps_a_requested_sweep_wakes_the_due_instance_without_waiting_for_the_interval()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, time, TestTasks.Services()); // interval: 1 hour
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DeadlineOrchestrator), Start.AddDays(90), new StartOrchestrationOptions { InstanceId = "jump" });
        await host.RunUntilIdleAsync();

        time.SetUtcNow(Start.AddDays(91)); // the development clock jumps
        host.Sweeper.RequestSweep();       // what /dev/clock does after a jump

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await host.Client.WaitForInstanceCompletionAsync("jump", getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Start.AddDays(91), done.ReadOutputAs<DateTimeOffset>());
    }
}
