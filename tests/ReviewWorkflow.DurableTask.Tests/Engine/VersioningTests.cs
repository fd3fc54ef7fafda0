using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Registration;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Engine;

public sealed class VersioningTests
{
    private static void VersionOneOnly(WorkflowTaskRegistry r) =>
        r.AddOrchestrator<VersionOneOrchestrator>("Versioned", "1").AddActivity<EchoActivity>();

    private static void BothVersions(WorkflowTaskRegistry r) =>
        r.AddOrchestrator<VersionOneOrchestrator>("Versioned", "1").AddOrchestrator<VersionTwoOrchestrator>("Versioned", "2").AddActivity<EchoActivity>();

    [Fact]
    public async Task An_instance_started_on_version_1_keeps_running_1_after_2_is_deployed_and_new_ones_get_2()
    {
        var time = new FakeTimeProvider();
        string hub;
        await using (var before = await DurableTaskTestHost.StartAsync(VersionOneOnly, time, TestTasks.Services(),
                         c => c["Durable:HubName"] = "versions" + Guid.NewGuid().ToString("N")[..12]))
        {
            hub = before.HubName;
            await before.Client.ScheduleNewOrchestrationInstanceAsync("Versioned", "old", new StartOrchestrationOptions { InstanceId = "old" });
            await before.RunUntilIdleAsync();
        }

        // The deploy: a new worker on the same hub knows both versions.
        await using var after = await DurableTaskTestHost.StartAsync(BothVersions, time, TestTasks.Services(), c => c["Durable:HubName"] = hub);
        await after.Client.ScheduleNewOrchestrationInstanceAsync("Versioned", "new", new StartOrchestrationOptions { InstanceId = "new" });
        await after.RunUntilIdleAsync();
        await after.Client.RaiseEventAsync("old", "go", "now");
        await after.Client.RaiseEventAsync("new", "go", "now");
        await after.RunUntilIdleAsync();

        var old = await after.Client.GetInstanceAsync("old", getInputsAndOutputs: true);
        var fresh = await after.Client.GetInstanceAsync("new", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, old!.RuntimeStatus);
        Assert.Equal("v1:1", old.ReadOutputAs<string>());
        Assert.Equal("v2:2", fresh!.ReadOutputAs<string>());
        await DeleteHubAsync(after);
    }

    [Fact]
    public async Task An_explicit_version_selects_that_version()
    {
        await using var host = await DurableTaskTestHost.StartAsync(BothVersions, new FakeTimeProvider(), TestTasks.Services());
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Versioned", "x", new StartOrchestrationOptions { InstanceId = "pinned", Version = "1" });
        await host.RunUntilIdleAsync();
        await host.Client.RaiseEventAsync("pinned", "go", "now");
        await host.RunUntilIdleAsync();

        Assert.Equal("v1:1", (await host.Client.GetInstanceAsync("pinned", getInputsAndOutputs: true))!.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_instance_of_an_unregistered_version_waits_for_a_worker_that_has_it()
    {
        // DTFx abandons and retries a work item whose orchestrator it does not know (a rolling deploy may bring it),
        // so the instance stays pending instead of running under another version.
        var time = new FakeTimeProvider();
        await using var old = await DurableTaskTestHost.StartAsync(VersionOneOnly, time, TestTasks.Services(),
            c => c["Durable:HubName"] = "versions" + Guid.NewGuid().ToString("N")[..12]);
        await old.Client.ScheduleNewOrchestrationInstanceAsync("Versioned", "x", new StartOrchestrationOptions { InstanceId = "from-the-future", Version = "2" });
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await old.Client.GetInstanceAsync("from-the-future"))!.RuntimeStatus);
        await old.DisposeAsync();

        await using var upgraded = await DurableTaskTestHost.StartAsync(BothVersions, time, TestTasks.Services(), c => c["Durable:HubName"] = old.HubName);
        await upgraded.RunUntilIdleAsync();
        await upgraded.Client.RaiseEventAsync("from-the-future", "go", "now");
        await upgraded.RunUntilIdleAsync();

        Assert.Equal("v2:2", (await upgraded.Client.GetInstanceAsync("from-the-future", getInputsAndOutputs: true))!.ReadOutputAs<string>());
        await upgraded.DeleteTaskHubAsync();
    }

    // A host given another's hub leaves it in place; the last one deletes it.
    private static async Task DeleteHubAsync(DurableTaskTestHost host) => await host.DeleteTaskHubAsync();
}
