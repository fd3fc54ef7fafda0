using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Client;

public sealed class ClientQueryTests
{
    [Fact]
    public async Task Query_filters_by_prefix_status_and_created_time_and_pages_with_continuation_tokens()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services());
        var client = host.Client;
        foreach (var id in new[] { "alpha-1", "alpha-2", "alpha-3" })
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 1, new StartOrchestrationOptions { InstanceId = id });
        }

        await host.RunUntilIdleAsync();
        var createdBetween = DateTimeOffset.UtcNow.AddSeconds(-1);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitForEventOrchestrator), "x", new StartOrchestrationOptions { InstanceId = "alpha-waiting" });
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitForEventOrchestrator), "x", new StartOrchestrationOptions { InstanceId = "beta-waiting" });
        await host.RunUntilIdleAsync();

        var alphas = await ReadAllAsync(client, new OrchestrationQuery(InstanceIdPrefix: "alpha-"));
        Assert.Equal(["alpha-1", "alpha-2", "alpha-3", "alpha-waiting"], alphas.Select(m => m.InstanceId).Order());

        var running = await ReadAllAsync(client, new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Running]));
        Assert.Equal(["alpha-waiting", "beta-waiting"], running.Select(m => m.InstanceId).Order());

        var completedAlphas = await ReadAllAsync(client, new OrchestrationQuery(
            InstanceIdPrefix: "alpha-", Statuses: [OrchestrationRuntimeStatus.Completed], FetchInputsAndOutputs: true));
        Assert.All(completedAlphas, m => Assert.Single(m.ReadOutputAs<List<string>>()!));
        Assert.Equal(3, completedAlphas.Count);

        var recent = await ReadAllAsync(client, new OrchestrationQuery(CreatedFrom: createdBetween.AddSeconds(1.4)));
        Assert.Equal(["alpha-waiting", "beta-waiting"], recent.Select(m => m.InstanceId).Order());
        var older = await ReadAllAsync(client, new OrchestrationQuery(CreatedTo: createdBetween.AddSeconds(1.4)));
        Assert.Equal(["alpha-1", "alpha-2", "alpha-3"], older.Select(m => m.InstanceId).Order());

        var pages = new List<int>();
        string? continuation = null;
        do
        {
            await foreach (var page in client.GetAllInstancesAsync(new OrchestrationQuery(PageSize: 2)).AsPages(continuation, 2))
            {
                pages.Add(page.Values.Count);
                continuation = page.ContinuationToken;
                break; // one page per call: the token alone must lead to the next one
            }
        }
        while (continuation is not null);
        Assert.Equal(5, pages.Sum());
        Assert.True(pages.Count >= 3, $"pages of at most 2 expected, got {string.Join(",", pages)}");
        Assert.All(pages, n => Assert.InRange(n, 0, 2));
    }

    private static async Task<List<OrchestrationMetadata>> ReadAllAsync(DurableTaskClient client, OrchestrationQuery query)
    {
        var all = new List<OrchestrationMetadata>();
        await foreach (var instance in client.GetAllInstancesAsync(query))
        {
            all.Add(instance);
        }

        return all;
    }
}
