using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Store.InMemory;

namespace ReviewWorkflow.Durable.Tests.Hosting;

public sealed class DurableHostedServiceTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
        .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
        .AddDurableTask(o => o
            .AddOrchestratorFunc<int, int>("Sum", async (ctx, n) =>
                (await Task.WhenAll(Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Id", i)))).Sum())
            .AddActivityFunc<int, int>("Id", (_, i) => i)
            .UseInMemoryStore())
        .BuildServiceProvider();

    [Fact]
    public async Task Dispatcher_runs_orchestrations_with_options_from_configuration()
    {
        await using var services = Build(new()
        {
            ["Durable:MaxConcurrentActivities"] = "3",
            ["Durable:PollingInterval"] = "00:00:00.200",
            ["Durable:MaxDequeueCount"] = "7",
        });
        var options = services.GetRequiredService<IOptions<DurableOptions>>().Value;
        Assert.Equal(3, options.MaxConcurrentActivities);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.PollingInterval);
        Assert.Equal(7, options.MaxDequeueCount);
        Assert.IsType<InMemoryDurableStore>(services.GetRequiredService<IDurableStore>());

        var dispatcher = services.GetServices<IHostedService>().OfType<DurableHostedService>().Single();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var client = services.GetRequiredService<DurableTaskClient>();
            var id = await client.ScheduleNewOrchestrationInstanceAsync("Sum", 10);
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, patience.Token);
            Assert.Equal(55, done.ReadOutputAs<int>());
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Dispatcher_stays_off_when_disabled_for_the_functions_host()
    {
        await using var services = Build(new() { ["Durable:EnableDispatcher"] = "false" });
        var dispatcher = services.GetServices<IHostedService>().OfType<DurableHostedService>().Single();
        await dispatcher.StartAsync(CancellationToken.None);
        await dispatcher.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1)); // returns at once: nothing to run
        Assert.True(dispatcher.ExecuteTask.IsCompletedSuccessfully);
        var client = services.GetRequiredService<DurableTaskClient>();
        var id = await client.ScheduleNewOrchestrationInstanceAsync("Sum", 1);
        Assert.Equal(1, await services.GetRequiredService<IDurableStore>().GetBacklogAsync(WorkItemKind.Orchestration));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await client.GetInstanceAsync(id))!.RuntimeStatus);
        await dispatcher.StopAsync(CancellationToken.None);
    }
}
