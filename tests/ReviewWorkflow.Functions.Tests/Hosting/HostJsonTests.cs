using System.Text.Json;
using ReviewWorkflow.DurableTask.Configuration;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Functions.Tests.Hosting;

/// <summary>
/// host.json (repository root) configures the Durable extension as the local engine is configured (DurableTaskOptions'
/// defaults, which the local app and the web app's client use), on the Azure Storage provider, with the task hub named by
/// the app setting the web app reads too — one hub, one partition layout, whichever process touches it.
/// </summary>
public sealed class HostJsonTests
{
    private static JsonElement DurableTask()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Azurite.RepositoryRoot(), "host.json")));
        return document.RootElement.GetProperty("extensions").GetProperty("durableTask").Clone();
    }

    [Fact]
    public void The_task_hub_is_named_by_the_setting_the_web_app_reads()
    {
        Assert.Equal($"%{DurableTaskOptions.SectionName}__{nameof(DurableTaskOptions.HubName)}%", DurableTask().GetProperty("hubName").GetString());
    }

    [Fact]
    public void The_storage_provider_is_Azure_Storage_with_the_local_engines_partitions_batch_polling_and_visibility()
    {
        var local = new DurableTaskOptions();
        var provider = DurableTask().GetProperty("storageProvider");

        Assert.Equal("AzureStorage", provider.GetProperty("type").GetString());
        Assert.Equal("AzureWebJobsStorage", provider.GetProperty("connectionName").GetString());
        Assert.Equal(local.PartitionCount, provider.GetProperty("partitionCount").GetInt32());
        Assert.Equal(local.ControlQueueBatchSize, provider.GetProperty("controlQueueBatchSize").GetInt32());
        Assert.Equal(local.MaxQueuePollingInterval, TimeSpan.Parse(provider.GetProperty("maxQueuePollingInterval").GetString()!));
        Assert.Equal(local.ControlQueueVisibilityTimeout, TimeSpan.Parse(provider.GetProperty("controlQueueVisibilityTimeout").GetString()!));
        Assert.Equal(local.WorkItemQueueVisibilityTimeout, TimeSpan.Parse(provider.GetProperty("workItemQueueVisibilityTimeout").GetString()!));
        Assert.True(provider.GetProperty("useTablePartitionManagement").GetBoolean());
    }

    [Fact]
    public void Extended_sessions_and_concurrency_match_the_local_engine()
    {
        var local = new DurableTaskOptions();
        var durable = DurableTask();

        Assert.Equal(local.ExtendedSessionsEnabled, durable.GetProperty("extendedSessionsEnabled").GetBoolean());
        Assert.Equal(local.ExtendedSessionIdleTimeoutInSeconds, durable.GetProperty("extendedSessionIdleTimeoutInSeconds").GetInt32());
        // Unset in host.json means the extension's default, 10 × processors — the local engine's default too.
        Assert.False(durable.TryGetProperty("maxConcurrentOrchestratorFunctions", out _));
        Assert.False(durable.TryGetProperty("maxConcurrentActivityFunctions", out _));
        Assert.Equal(10 * Environment.ProcessorCount, local.MaxConcurrentOrchestratorFunctions);
        Assert.Equal(10 * Environment.ProcessorCount, local.MaxConcurrentActivityFunctions);
    }

    [Fact]
    public void No_custom_handler_or_extension_bundle_remains_and_application_insights_samples()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Azurite.RepositoryRoot(), "host.json")));
        var root = document.RootElement;

        Assert.False(root.TryGetProperty("customHandler", out _));
        Assert.False(root.TryGetProperty("extensionBundle", out _)); // an isolated app brings its extensions (extensions.json)
        Assert.True(root.GetProperty("logging").GetProperty("applicationInsights").GetProperty("samplingSettings").GetProperty("isEnabled").GetBoolean());
    }
}
