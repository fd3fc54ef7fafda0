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
}
