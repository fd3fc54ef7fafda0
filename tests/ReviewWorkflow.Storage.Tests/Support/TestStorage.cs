using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Storage.Tests.Support;

/// <summary>Clients against the test run's real Azurite, each test on its own table or queue.</summary>
internal static class TestStorage
{
    public static async Task<TableClient> NewTableAsync(StorageOptions? options = null)
    {
        var service = new TableServiceClient(ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync()), options ?? FastOptions());
        var table = service.GetTableClient(Azurite.UniqueTableName());
        await table.CreateIfNotExistsAsync();
        return table;
    }

    public static async Task<QueueClient> NewQueueAsync(StorageOptions? options = null)
    {
        var service = new QueueServiceClient(ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync()), options ?? FastOptions());
        var queue = service.GetQueueClient(Azurite.UniqueQueueName());
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    /// <summary>Short retry delays so a failing test fails fast.</summary>
    public static StorageOptions FastOptions() => new()
    {
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        RequestTimeout = TimeSpan.FromSeconds(20),
    };
}
