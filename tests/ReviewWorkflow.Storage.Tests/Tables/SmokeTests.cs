using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Tables;

public sealed class SmokeTests
{
    [Fact]
    public async Task Crud_query_batch_roundtrip()
    {
        var table = await TestStorage.NewTableAsync();
        var e = new TableEntity("p1", "r1") { ["Name"] = "Foster carers' forum", ["Count"] = 3 };
        var etag = await table.AddEntityAsync(e);
        Assert.False(string.IsNullOrEmpty(etag));
        var read = await table.GetEntityAsync("p1", "r1");
        Assert.NotNull(read);
        Assert.Equal("Foster carers' forum", read!.GetString("Name"));
        Assert.Equal(etag, read.ETag);
        read["Count"] = 4;
        var etag2 = await table.UpdateEntityAsync(read, etag);
        Assert.NotEqual(etag, etag2);
        var list = new List<TableEntity>();
        await foreach (var x in table.QueryAsync(TableFilter.Create($"PartitionKey eq {"p1"}"))) list.Add(x);
        Assert.Single(list);
        var results = await table.SubmitTransactionAsync([
            new(TableTransactionActionType.Add, new TableEntity("p1", "r2")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p1", "r3") { ["A"] = 1 }),
            new(TableTransactionActionType.Delete, new TableEntity("p1", "r1")),
        ]);
        Assert.Equal(3, results.Count);
        Assert.Null(await table.GetEntityAsync("p1", "r1"));
    }
}
