using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Tables;

public sealed class KeyEncodingTests
{
    private static readonly string[] AllKeys =
    [
        "O'Brien's 'quoted' key",
        "''",
        "100% done",
        "%2F%27",
        "a+b=c&d",
        "with  spaces ",
        "(PartitionKey='x',RowKey='y')",
        "Ünïcödé – Cymraeg: Ŵŷ ŵ",
        "emoji 😀🎉👩‍👧",
        "日本語のキー",
        "x' or PartitionKey ne '",
        "",
    ];

    public static TheoryData<string> Keys() => new(AllKeys);

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Keys_and_values_round_trip_through_every_operation(string key)
    {
        var table = await TestStorage.NewTableAsync();
        var rowKey = "r-" + key;

        var etag = await table.AddEntityAsync(new TableEntity(key, rowKey) { ["Value"] = key });
        var read = await table.GetEntityAsync(key, rowKey);
        etag = await table.UpdateEntityAsync(new TableEntity(key, rowKey) { ["Value"] = key + key }, etag, TableUpdateMode.Merge);
        var queried = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {key} and RowKey eq {rowKey}")).ToListAsync();
        await table.DeleteEntityAsync(key, rowKey, etag);

        Assert.Equal((key, rowKey, key), (read!.PartitionKey, read.RowKey, read.GetString("Value")));
        var single = Assert.Single(queried);
        Assert.Equal((key, rowKey, key + key), (single.PartitionKey, single.RowKey, single.GetString("Value")));
        Assert.Null(await table.GetEntityAsync(key, rowKey));
    }

    [Fact]
    public async Task Unusual_keys_round_trip_in_transactions()
    {
        var table = await TestStorage.NewTableAsync();
        // Azurite finds batch keys with a regex over the decoded URL, so a RowKey containing "'," confuses its
        // PartitionKey match (the service itself is fine); single operations above cover those keys.
        var keys = AllKeys.Where(k => !k.Contains("',", StringComparison.Ordinal)).ToList();
        var partition = "p 😀 '%+";

        await table.SubmitTransactionAsync(keys.Select(k => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace, new TableEntity(partition, "r-" + k) { ["Value"] = k })).ToList());
        var stored = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {partition}")).ToListAsync();
        await table.SubmitTransactionAsync(keys.Select(k => new TableTransactionAction(
            TableTransactionActionType.Delete, new TableEntity(partition, "r-" + k))).ToList());

        Assert.Equal(keys.Order(StringComparer.Ordinal), stored.Select(e => e.GetString("Value")!).Order(StringComparer.Ordinal));
        Assert.All(stored, e => Assert.Equal("r-" + e.GetString("Value"), e.RowKey));
        Assert.Empty(await table.QueryAsync().ToListAsync());
    }
}
