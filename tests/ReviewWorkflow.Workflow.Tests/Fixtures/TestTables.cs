using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Workflow.Tests.Fixtures;

/// <summary>A fresh table on real Azurite per test, through the Azure SDK's own client.</summary>
internal static class TestTables
{
    private static readonly Lazy<Task<TableServiceClient>> Service = new(async () => new TableServiceClient(await Azurite.GetConnectionStringAsync()));

    public static async Task<TableServiceClient> ServiceAsync() => await Service.Value;

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
        var options = new TableClientOptions();
        options.AddPolicy(calls, HttpPipelinePosition.PerRetry);
        var table = new TableServiceClient(await Azurite.GetConnectionStringAsync(), options).GetTableClient(Azurite.UniqueTableName(prefix));
        await table.CreateIfNotExistsAsync();
        calls.Clear();
        return (table, calls);
    }
}
