using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Storage.Tests.Configuration;

public sealed class StorageOptionsTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings)
        => new ServiceCollection()
            .AddReviewWorkflowStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void From_options_prefers_service_uris_with_a_user_assigned_managed_identity()
    {
        var c = StorageConnection.FromOptions(new StorageOptions
        {
            ConnectionString = "UseDevelopmentStorage=true",
            TableServiceUri = new Uri("https://wirral.table.core.windows.net"),
            QueueServiceUri = new Uri("https://wirral.queue.core.windows.net"),
            ManagedIdentityClientId = "00000000-0000-0000-0000-00000000abcd",
        });

        Assert.IsType<ManagedIdentityCredential>(c.Credential);
        Assert.Null(c.AccountKey);
        Assert.Equal("wirral", c.AccountName);
    }

    [Fact]
    public void From_options_uses_default_azure_credential_without_a_client_id()
    {
        var c = StorageConnection.FromOptions(new StorageOptions
        {
            TableServiceUri = new Uri("https://wirral.table.core.windows.net"),
            QueueServiceUri = new Uri("https://wirral.queue.core.windows.net"),
        });

        Assert.IsType<DefaultAzureCredential>(c.Credential);
    }

    [Fact]
    public void From_options_parses_the_connection_string_and_explains_missing_settings()
    {
        Assert.True(StorageConnection.FromOptions(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }).IsPathStyle);
        Assert.Contains("AzureWebJobsStorage", Assert.Throws<InvalidOperationException>(() => StorageConnection.FromOptions(new StorageOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("QueueServiceUri", Assert.Throws<InvalidOperationException>(
            () => StorageConnection.FromOptions(new StorageOptions { TableServiceUri = new Uri("https://wirral.table.core.windows.net") })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Di_falls_back_to_azure_web_jobs_storage_and_the_clients_reach_azurite()
    {
        using var provider = Provider(new() { ["AzureWebJobsStorage"] = await Azurite.GetConnectionStringAsync() });

        // A ping is one attempt with a short timeout; the shared Azurite of ./test.sh can be slow while the engine's tests
        // run beside this project, so reachability is asked a few times before it counts as unreachable.
        Assert.True(await ReachesAsync(() => provider.GetRequiredService<TableServiceClient>().PingAsync()));
        Assert.True(await ReachesAsync(() => provider.GetRequiredService<QueueServiceClient>().PingAsync()));
        Assert.Same(provider.GetRequiredService<TableServiceClient>(), provider.GetRequiredService<TableServiceClient>());
    }

    [Fact]
    public void Di_storage_section_wins_over_azure_web_jobs_storage()
    {
        using var provider = Provider(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Storage:ConnectionString"] = Azurite.ConnectionStringFor(41002, 41001, 41000),
            ["Storage:MaxRetries"] = "7",
        });

        var connection = provider.GetRequiredService<StorageConnection>();
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;

        Assert.Equal(41002, connection.TableEndpoint.Port);
        Assert.Equal(7, options.MaxRetries);
    }

    [Fact]
    public void Di_reads_functions_identity_based_settings()
    {
        using var provider = Provider(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://wirral.table.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://wirral.queue.core.windows.net",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-00000000abcd",
        });

        var connection = provider.GetRequiredService<StorageConnection>();

        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
        Assert.Equal(new Uri("https://wirral.queue.core.windows.net"), connection.QueueEndpoint);
        Assert.NotNull(provider.GetRequiredService<QueueServiceClient>());
    }

    private static async Task<bool> ReachesAsync(Func<Task<bool>> ping)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (await ping())
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return false;
    }
}
