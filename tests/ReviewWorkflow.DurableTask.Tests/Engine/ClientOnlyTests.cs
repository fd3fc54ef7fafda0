using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Engine;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Engine;

public sealed class ClientOnlyTests
{
    [Fact]
    public async Task A_process_without_a_worker_starts_and_reads_instances_that_a_worker_elsewhere_runs()
    {
        var time = new FakeTimeProvider();
        await using var worker = await DurableTaskTestHost.StartAsync(TestTasks.Register, time, TestTasks.Services());
        await using var web = await DurableTaskTestHost.StartAsync(TestTasks.Register, time, TestTasks.Services(), c =>
        {
            c["Durable:HubName"] = worker.HubName;
            c["Durable:WorkerEnabled"] = "false";
        });
        Assert.False(web.Services.GetRequiredService<TaskHubWorkerService>().IsRunning);

        await web.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitForEventOrchestrator), "x", new StartOrchestrationOptions { InstanceId = "from-web" });
        await worker.RunUntilIdleAsync();
        Assert.Equal("\"waiting\"", (await web.Client.GetInstanceAsync("from-web"))!.SerializedCustomStatus);
        await web.Client.RaiseEventAsync("from-web", WaitForEventOrchestrator.EventName, "approved on the web");
        await worker.RunUntilIdleAsync();

        var done = await web.Client.GetInstanceAsync("from-web", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal("approved on the web", done.ReadOutputAs<string>());
    }
}
