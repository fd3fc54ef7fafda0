using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Workflow.Tests.Fixtures;

/// <summary>A fresh table on real Azurite per test.</summary>
internal static class TestTables
{
    private static readonly Lazy<Task<TableServiceClient>> Service = new(async () => new TableServiceClient(await Azurite.GetConnectionAsync()));

    public static async Task<TableClient> CreateAsync(string prefix)
    {
        var table = (await Service.Value).GetTableClient(Azurite.UniqueTableName(prefix));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    /// <summary>A fresh table whose every request to storage is noted in <see cref="StorageCalls"/> (after creation).</summary>
    public static async Task<(TableClient Table, StorageCalls Calls)> CreateCountedAsync(string prefix)
    {
        var calls = new StorageCalls();
        var options = new StorageOptions();
        options.AdditionalPolicies.Add(calls);
        var table = new TableServiceClient(await Azurite.GetConnectionAsync(), options).GetTableClient(Azurite.UniqueTableName(prefix));
        await table.CreateIfNotExistsAsync();
        calls.Clear();
        return (table, calls);
    }
}

/// <summary>The requests a client sent to storage, as "METHOD" (retries included).</summary>
internal sealed class StorageCalls : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<string> All => [.. _calls];

    public void Clear() => _calls.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _calls.Enqueue(message.Request.Method.Method);
    }
}
