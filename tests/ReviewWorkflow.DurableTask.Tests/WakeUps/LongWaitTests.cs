using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.WakeUps;

public sealed class LongWaitTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_six_month_wait_completes_when_the_fake_clock_reaches_it()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, time, TestTasks.Services());
        var due = Start.AddMonths(6);

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DeadlineOrchestrator), due, new StartOrchestrationOptions { InstanceId = "monitoring" });
        await host.RunUntilIdleAsync();
        Assert.Equal(due, await host.NextDueAsync());

        await host.AdvanceAsync(TimeSpan.FromDays(180));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync("monitoring"))!.RuntimeStatus);

        await host.AdvanceToAsync(due.AddDays(1));
        var done = await host.Client.GetInstanceAsync("monitoring", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal(due, done.ReadOutputAs<DateTimeOffset>()); // the clock stopped at the wake-up on the way
        Assert.Null(await host.NextDueAsync());
        Assert.Equal(due.AddDays(1), time.GetUtcNow());
    }

    [Fact]
    public async Task A_long_wait_survives_a_worker_crash_while_waiting()
    {
        var time = new FakeTimeProvider(Start);
        var log = new ExecutionLog();
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, time, TestTasks.Services(log));
        var due = Start.AddMonths(6);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DeadlineOrchestrator), due, new StartOrchestrationOptions { InstanceId = "monitoring" });
        await host.RunUntilIdleAsync();

        await host.RestartWorkerAsync();
        await host.AdvanceToAsync(due);

        var done = await host.Client.GetInstanceAsync("monitoring", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal(1, log.Count(nameof(EchoActivity), "monitoring"));
    }
}
