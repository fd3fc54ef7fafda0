using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Client;

/// <summary>An input too large for a table property (a cycle with hundreds of consultees) goes to a blob; it reads back
/// whole before the worker has picked the instance up, and after.</summary>
public sealed class LargeInputTests
{
    // 2,400 names (~38,000 characters): small enough for a queue message, too large for a table property (64 KB of
    // UTF-16), so DTFx writes it to a blob named in an InputBlobName column; 6,000: the queue message itself goes to a blob.
    [Theory]
    [InlineData(2400)]
    [InlineData(6000)]
    public async Task A_large_input_reads_back_whole_while_the_instance_is_pending_and_once_it_runs(int names)
    {
        var time = new FakeTimeProvider();
        var input = string.Concat(Enumerable.Range(0, names).Select(i => $"consultee-{i:D5};"));
        await using var web = await DurableTaskTestHost.StartAsync(TestTasks.Register, time, TestTasks.Services(), c => c["Durable:WorkerEnabled"] = "false");

        await web.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitForEventOrchestrator), input, new StartOrchestrationOptions { InstanceId = $"large-{names}" });

        var pending = await web.Client.GetInstanceAsync($"large-{names}", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, pending!.RuntimeStatus);
        Assert.Equal(input, pending.ReadInputAs<string>());
        var listed = new List<OrchestrationMetadata>();
        await foreach (var instance in web.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = $"large-{names}", FetchInputsAndOutputs = true }))
        {
            listed.Add(instance);
        }

        Assert.Equal(input, Assert.Single(listed).ReadInputAs<string>());

        await using var worker = await DurableTaskTestHost.StartAsync(TestTasks.Register, time, TestTasks.Services(), c => c["Durable:HubName"] = web.HubName);
        await worker.RunUntilIdleAsync();
        var running = await web.Client.GetInstanceAsync($"large-{names}", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, running!.RuntimeStatus);
        Assert.Equal(input, running.ReadInputAs<string>());
    }
}
