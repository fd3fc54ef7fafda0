using Microsoft.DurableTask;
using Azure.Data.Tables;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Client;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Engine;

public sealed class SharedHubTests
{
    [Fact]
    public async Task Two_workers_on_one_hub_share_the_partitions_and_each_instance_completes_once()
    {
        const int instances = 12;
        var time = new FakeTimeProvider();
        var logA = new ExecutionLog();
        var logB = new ExecutionLog();
        await using var a = await DurableTaskTestHost.StartAsync(TestTasks.Register, time, TestTasks.Services(logA));
        await using var b = await DurableTaskTestHost.StartAsync(TestTasks.Register, time, TestTasks.Services(logB), c => c["Durable:HubName"] = a.HubName);
        await WaitUntilBothOwnPartitionsAsync(a.HubName);

        for (var i = 0; i < instances; i++)
        {
            await a.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 2, new StartOrchestrationOptions { InstanceId = $"shared-{i}" });
        }

        await a.RunUntilIdleAsync();
        await b.RunUntilIdleAsync();

        var history = a.Services.GetRequiredService<IOrchestrationHistoryReader>();
        for (var i = 0; i < instances; i++)
        {
            var id = $"shared-{i}";
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await a.Client.GetInstanceAsync(id))!.RuntimeStatus);
            Assert.Single((await history.GetHistoryAsync(id)).OfType<ExecutionCompletedEvent>());
            Assert.Equal(2, logA.Count(nameof(EchoActivity), id) + logB.Count(nameof(EchoActivity), id));
        }

        // Activities come off one shared work-item queue, so which worker ran them is chance; orchestrations are
        // bound to control queues, and those stay split between the two workers through the whole run.
        var owners = await PartitionOwnersAsync(a.HubName);
        Assert.Equal(2, owners.Where(o => o != "(none)").Distinct().Count());
    }

    private static async Task<List<string>> PartitionOwnersAsync(string hubName)
    {
        var table = new TableClient(await Azurite.GetConnectionStringAsync(), hubName + "Partitions");
        var owners = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            owners.Add(row.GetString("CurrentOwner") ?? "(none)");
        }

        return owners;
    }

    // Table partition management records each control queue's owner in the hub's Partitions table.
    private static async Task WaitUntilBothOwnPartitionsAsync(string hubName)
    {
        var table = new TableClient(await Azurite.GetConnectionStringAsync(), hubName + "Partitions");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var owners = new HashSet<string>();
            await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: timeout.Token))
            {
                if (row.GetString("CurrentOwner") is { } owner && row.GetString("NextOwner") is null)
                {
                    owners.Add(owner);
                }
            }

            if (owners.Count == 2)
            {
                return;
            }

            await Task.Delay(250, timeout.Token);
        }
    }
}
