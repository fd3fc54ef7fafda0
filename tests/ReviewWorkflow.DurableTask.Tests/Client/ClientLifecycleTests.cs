using Microsoft.DurableTask;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Client;

public sealed class ClientLifecycleTests
{
    [Fact]
    public async Task Terminate_ends_a_waiting_instance_with_the_given_output()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services());
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitForEventOrchestrator), "x", new StartOrchestrationOptions { InstanceId = "to-terminate" });
        await host.RunUntilIdleAsync();

        await host.Client.TerminateInstanceAsync("to-terminate", "withdrawn");
        var ended = await host.Client.WaitForInstanceCompletionAsync("to-terminate", getInputsAndOutputs: true);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, ended.RuntimeStatus);
        Assert.Equal("withdrawn", ended.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_suspended_instance_holds_its_events_until_resumed()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services());
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitForEventOrchestrator), "x", new StartOrchestrationOptions { InstanceId = "to-suspend" });
        await host.RunUntilIdleAsync();

        await host.Client.SuspendInstanceAsync("to-suspend", "paused by a test");
        await host.RunUntilIdleAsync();
        await host.Client.RaiseEventAsync("to-suspend", WaitForEventOrchestrator.EventName, "approved");
        await host.RunUntilIdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await host.Client.GetInstanceAsync("to-suspend"))!.RuntimeStatus);

        await host.Client.ResumeInstanceAsync("to-suspend", "carry on");
        await host.RunUntilIdleAsync();
        var resumed = await host.Client.GetInstanceAsync("to-suspend", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, resumed!.RuntimeStatus);
        Assert.Equal("approved", resumed.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Purge_removes_finished_instances_and_refuses_running_ones()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services());
        await host.RunAsync(nameof(SequenceOrchestrator), 1, new StartOrchestrationOptions { InstanceId = "done-1" });
        await host.RunAsync(nameof(SequenceOrchestrator), 1, new StartOrchestrationOptions { InstanceId = "done-2" });
        await host.RunAsync(nameof(SequenceOrchestrator), 1, new StartOrchestrationOptions { InstanceId = "done-3" });
        await host.RunAsync(nameof(WaitForEventOrchestrator), "x", new StartOrchestrationOptions { InstanceId = "still-running" });

        Assert.Equal(1, (await host.Client.PurgeInstanceAsync("done-1")).PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync("done-1"));
        Assert.Equal(0, (await host.Client.PurgeInstanceAsync("never-existed")).PurgedInstanceCount);
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.PurgeInstanceAsync("still-running"));

        var purged = await host.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(
            CreatedFrom: DateTimeOffset.UtcNow.AddMinutes(-10), Statuses: [OrchestrationRuntimeStatus.Completed]));

        Assert.Equal(2, purged.PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync("done-2"));
        Assert.NotNull(await host.Client.GetInstanceAsync("still-running"));
    }

    [Fact]
    public async Task A_running_instance_id_cannot_be_started_again_but_a_finished_one_can()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services());
        await host.RunAsync(nameof(WaitForEventOrchestrator), "x", new StartOrchestrationOptions { InstanceId = "cycle-1" });

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitForEventOrchestrator), "y", new StartOrchestrationOptions { InstanceId = "cycle-1" }));

        await host.Client.RaiseEventAsync("cycle-1", WaitForEventOrchestrator.EventName, "first");
        await host.RunUntilIdleAsync();
        var again = await host.RunAsync(nameof(SequenceOrchestrator), 2, new StartOrchestrationOptions { InstanceId = "cycle-1" });
        Assert.Equal(OrchestrationRuntimeStatus.Completed, again.RuntimeStatus);
        Assert.Equal(2, again.ReadOutputAs<List<string>>()!.Count);
    }

    [Fact]
    public async Task Waiting_for_start_and_completion_returns_the_instance_state()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services());
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 2);

        var started = await host.Client.WaitForInstanceStartAsync(id);
        var completed = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);

        Assert.NotEqual(OrchestrationRuntimeStatus.Pending, started.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.Equal(2, completed.ReadInputAs<int>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.WaitForInstanceCompletionAsync("no-such-instance"));
    }
}
