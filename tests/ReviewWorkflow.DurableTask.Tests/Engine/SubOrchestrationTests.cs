using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Engine;

public sealed class SubOrchestrationTests
{
    [Fact]
    public async Task A_sub_orchestration_runs_under_its_given_instance_id_and_version()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services());

        var parent = await host.RunAsync(nameof(ParentOrchestrator), "hello", new StartOrchestrationOptions { InstanceId = "cycle-7" });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, parent.RuntimeStatus);
        Assert.Equal("cycle-7:child@2:echo:hello", parent.ReadOutputAs<string>());
        var child = await host.Client.GetInstanceAsync("cycle-7:child");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal("Child", child.Name);
    }
}
