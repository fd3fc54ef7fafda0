using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewWorkflow.DurableTask.Configuration;

namespace ReviewWorkflow.DurableTask.Tests.Configuration;

public sealed class OptionsValidationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddReviewWorkflowDurableTask(configuration, _ => { }).BuildServiceProvider();
    }

    [Fact]
    public void Defaults_mirror_the_durable_extension()
    {
        var options = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" })
            .GetRequiredService<IOptions<DurableTaskOptions>>().Value;

        Assert.Equal("reviewworkflow", options.HubName);
        Assert.Equal(4, options.PartitionCount);
        Assert.True(options.WorkerEnabled);
        Assert.Equal(TimeSpan.FromMinutes(1), options.WakeUpSweepInterval);
        Assert.Equal("ReviewWakeUps", options.WakeUpsTable);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxQueuePollingInterval);
        Assert.Equal(32, options.ControlQueueBatchSize);
    }

    [Fact]
    public void Settings_are_read_from_the_durable_section()
    {
        var options = Build(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Durable:HubName"] = "councilhub",
            ["Durable:PartitionCount"] = "8",
            ["Durable:ExtendedSessionsEnabled"] = "true",
            ["Durable:ExtendedSessionIdleTimeoutInSeconds"] = "90",
            ["Durable:MaxQueuePollingInterval"] = "00:00:02",
            ["Durable:WorkerEnabled"] = "false",
        }).GetRequiredService<IOptions<DurableTaskOptions>>().Value;

        Assert.Equal(("councilhub", 8, true, 90, TimeSpan.FromSeconds(2), false),
            (options.HubName, options.PartitionCount, options.ExtendedSessionsEnabled, options.ExtendedSessionIdleTimeoutInSeconds,
                options.MaxQueuePollingInterval, options.WorkerEnabled));
    }

    [Theory]
    [InlineData("Durable:HubName", "no-dashes", "Durable:HubName")]
    [InlineData("Durable:PartitionCount", "17", "Durable:PartitionCount")]
    [InlineData("Durable:ControlQueueBatchSize", "0", "Durable:ControlQueueBatchSize")]
    [InlineData("Durable:WakeUpSweepInterval", "00:00:00", "Durable:WakeUpSweepInterval")]
    [InlineData("Durable:MaxConcurrentActivityFunctions", "0", "Durable:MaxConcurrentActivityFunctions")]
    public void A_bad_value_fails_with_a_message_naming_the_key(string key, string value, string named)
    {
        var services = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DurableTaskOptions>>().Value);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_storage_fails_with_a_message_naming_both_ways_to_configure_it()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            Build([]).GetRequiredService<IOptions<TaskHubStorageOptions>>().Value);

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
        Assert.Contains("__tableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_based_storage_is_read_from_the_service_uris_and_client_id()
    {
        var options = Build(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://stcouncil.table.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://stcouncil.queue.core.windows.net",
            ["AzureWebJobsStorage:blobServiceUri"] = "https://stcouncil.blob.core.windows.net",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }).GetRequiredService<IOptions<TaskHubStorageOptions>>().Value;

        Assert.True(options.UsesIdentity);
        Assert.Equal(new Uri("https://stcouncil.queue.core.windows.net"), options.QueueServiceUri);
        Assert.Equal("00000000-0000-0000-0000-000000000001", options.ClientId);
    }

    [Fact]
    public void Identity_based_storage_needs_all_three_service_uris()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://stcouncil.table.core.windows.net",
        }).GetRequiredService<IOptions<TaskHubStorageOptions>>().Value);

        Assert.Contains("blobServiceUri", error.Message, StringComparison.Ordinal);
    }
}
