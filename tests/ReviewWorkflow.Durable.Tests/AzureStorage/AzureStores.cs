using Azure.Core;
using Azure.Core.Pipeline;
using ReviewWorkflow.Durable.AzureStorage;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Durable.Tests.AzureStorage;

/// <summary>Azure Storage stores on the test run's Azurite, each on its own task hub so tests never see each other's data.</summary>
internal static class AzureStores
{
    public static string UniqueHub() => Azurite.UniqueTableName("h");

    public static async Task<AzureStorageDurableStore> CreateAsync(string? hub = null, TimeProvider? time = null, RequestCounter? counter = null)
    {
        var options = new StorageOptions();
        if (counter is not null)
        {
            options.AdditionalPolicies.Add(counter);
        }

        var store = AzureStorageDurableStore.Create(
            ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync()),
            options,
            new AzureStorageDurableOptions { TaskHubName = hub ?? UniqueHub() },
            time);
        await store.InitializeAsync();
        return store;
    }

    /// <summary>The raw instances table of a hub, to look at rows the store hides.</summary>
    public static async Task<TableClient> InstancesTableAsync(string hub)
        => new TableServiceClient(ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync())).GetTableClient(hub + "Instances");

    public static async Task<List<TableEntity>> RawPartitionAsync(string hub, string partitionKey)
    {
        var table = await InstancesTableAsync(hub);
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync(TableFilter.Create($"PartitionKey eq {partitionKey}")))
        {
            rows.Add(e);
        }

        return rows;
    }
}

/// <summary>Counts storage requests (one per attempt) by method and path.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public List<string> Requests { get; } = [];

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        lock (Requests)
        {
            Requests.Clear();
        }
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _count);
        lock (Requests)
        {
            Requests.Add($"{message.Request.Method} {message.Request.Uri.Path}");
        }
    }
}
