using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Options;
using ReviewWorkflow.DurableTask.Configuration;

namespace ReviewWorkflow.DurableTask.Engine;

/// <summary>Builds the Azure SDK clients for the task hub's storage account, by connection string or managed identity.</summary>
internal sealed class TaskHubStorage(IOptions<TaskHubStorageOptions> storage, IOptions<DurableStorageClientOptions> clients)
{
    private readonly Lazy<TokenCredential?> _credential = new(() => CreateCredential(storage.Value));

    public StorageAccountClientProvider CreateAccountClientProvider()
    {
        var options = storage.Value;
        if (options.UsesIdentity)
        {
            var credential = _credential.Value!;
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(options.BlobServiceUri!, credential, WithPolicies(new BlobClientOptions())),
                StorageServiceClientProvider.ForQueue(options.QueueServiceUri!, credential, WithPolicies(new QueueClientOptions())),
                StorageServiceClientProvider.ForTable(options.TableServiceUri!, credential, WithPolicies(new TableClientOptions())));
        }

        var connection = options.ConnectionString!;
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connection, WithPolicies(new BlobClientOptions())),
            StorageServiceClientProvider.ForQueue(connection, WithPolicies(new QueueClientOptions())),
            StorageServiceClientProvider.ForTable(connection, WithPolicies(new TableClientOptions())));
    }

    public TableServiceClient CreateTableServiceClient()
    {
        var options = storage.Value;
        var clientOptions = WithPolicies(new TableClientOptions());
        return options.UsesIdentity
            ? new TableServiceClient(options.TableServiceUri!, _credential.Value!, clientOptions)
            : new TableServiceClient(options.ConnectionString!, clientOptions);
    }

    public BlobServiceClient CreateBlobServiceClient()
    {
        var options = storage.Value;
        var clientOptions = WithPolicies(new BlobClientOptions());
        return options.UsesIdentity
            ? new BlobServiceClient(options.BlobServiceUri!, _credential.Value!, clientOptions)
            : new BlobServiceClient(options.ConnectionString!, clientOptions);
    }

    public QueueServiceClient CreateQueueServiceClient()
    {
        var options = storage.Value;
        var clientOptions = WithPolicies(new QueueClientOptions());
        return options.UsesIdentity
            ? new QueueServiceClient(options.QueueServiceUri!, _credential.Value!, clientOptions)
            : new QueueServiceClient(options.ConnectionString!, clientOptions);
    }

    private T WithPolicies<T>(T options) where T : ClientOptions
    {
        foreach (var policy in clients.Value.Policies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        return options;
    }

    private static TokenCredential? CreateCredential(TaskHubStorageOptions options)
    {
        if (!options.UsesIdentity)
        {
            return null;
        }

        // A user-assigned identity is named by its client id (as AzureWebJobsStorage__clientId in Functions);
        // otherwise DefaultAzureCredential finds the system identity in Azure or a developer sign-in locally.
        return string.IsNullOrWhiteSpace(options.ClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
    }
}
