using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.DurableTask.WakeUps;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.WakeUps;

public sealed class WakeUpSweeperTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_later_schedule_replaces_the_earlier_one_for_the_same_instance()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(Start), TestTasks.Services());
        var scheduler = host.Services.GetRequiredService<WakeUpScheduler>();

        await scheduler.ScheduleAsync(new WakeUpRequest("cycle/1#a?", Start.AddDays(1)), default);
        await scheduler.ScheduleAsync(new WakeUpRequest("cycle/1#a?", Start.AddDays(9)), default);
        await scheduler.ScheduleAsync(new WakeUpRequest("cycle/1#a?", Start.AddDays(9)), default);

        Assert.Equal(new WakeUpRequest("cycle/1#a?", Start.AddDays(9)), await host.PendingWakeUpAsync("cycle/1#a?"));
        Assert.Equal(Start.AddDays(9), await host.NextDueAsync());
    }

    [Fact]
    public async Task A_cancelled_wake_up_is_gone_and_cancelling_again_is_harmless()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(Start), TestTasks.Services());
        var scheduler = host.Services.GetRequiredService<WakeUpScheduler>();
        await scheduler.ScheduleAsync(new WakeUpRequest("cycle-2", Start.AddDays(1)), default);

        Assert.True(await scheduler.CancelAsync("cycle-2", default));
        Assert.False(await scheduler.CancelAsync("cycle-2", default));
        Assert.Null(await host.NextDueAsync());
    }

    [Fact]
    public async Task Only_due_wake_ups_are_raised_and_rows_of_missing_or_finished_instances_are_dropped()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, time, TestTasks.Services());
        var scheduler = host.Services.GetRequiredService<WakeUpScheduler>();
        await host.RunAsync(nameof(WaitForEventOrchestrator), "x", new StartOrchestrationOptions { InstanceId = "waiting" });
        await host.RunAsync(nameof(SequenceOrchestrator), 1, new StartOrchestrationOptions { InstanceId = "finished" });
        await scheduler.ScheduleAsync(new WakeUpRequest("waiting", Start.AddDays(2)), default);
        await scheduler.ScheduleAsync(new WakeUpRequest("finished", Start.AddDays(1)), default);
        await scheduler.ScheduleAsync(new WakeUpRequest("missing", Start.AddDays(1)), default);
        await scheduler.ScheduleAsync(new WakeUpRequest("later", Start.AddDays(5)), default);

        time.SetUtcNow(Start.AddDays(1));
        Assert.Equal(0, await host.SweepAsync());
        Assert.Null(await host.PendingWakeUpAsync("finished"));
        Assert.Null(await host.PendingWakeUpAsync("missing"));

        time.SetUtcNow(Start.AddDays(3));
        Assert.Equal(1, await host.SweepAsync());
        Assert.Null(await host.PendingWakeUpAsync("waiting"));
        Assert.NotNull(await host.PendingWakeUpAsync("later"));
        await host.RunUntilIdleAsync();
        // WaitForEventOrchestrator waits for "approval", not "wake-up": the signal is buffered, the instance still runs.
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync("waiting"))!.RuntimeStatus);
    }

    [Fact]
    public async Task A_row_rescheduled_while_the_sweep_raised_its_signal_is_kept()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, time, TestTasks.Services());
        var scheduler = host.Services.GetRequiredService<WakeUpScheduler>();
        await scheduler.ScheduleAsync(new WakeUpRequest("cycle", Start), default);
        var read = new List<WakeUpEntity>();
        await foreach (var row in scheduler.ReadAsync(Start, default))
        {
            read.Add(row);
        }

        await scheduler.ScheduleAsync(new WakeUpRequest("cycle", Start.AddDays(7)), default); // the orchestration re-scheduled

        Assert.False(await scheduler.DeleteIfUnchangedAsync(Assert.Single(read), default));
        Assert.Equal(Start.AddDays(7), (await host.PendingWakeUpAsync("cycle"))!.DueAt);
    }
}
