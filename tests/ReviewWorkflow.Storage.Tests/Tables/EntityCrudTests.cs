using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Tables;

public sealed class EntityCrudTests
{
    [Fact]
    public async Task Add_then_get_returns_the_entity_with_its_etag_and_timestamp()
    {
        var table = await TestStorage.NewTableAsync();

        var etag = await table.AddEntityAsync(new TableEntity("cycle-1", "approval-1") { ["Decision"] = "Endorse", ["Committee"] = "Corporate Parenting Board" });
        var read = await table.GetEntityAsync("cycle-1", "approval-1");

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.Equal("Endorse", read.GetString("Decision"));
        Assert.Equal(("cycle-1", "approval-1"), (read.PartitionKey, read.RowKey));
        Assert.NotNull(read.Timestamp);
        Assert.Equal(2, read.Count);
    }

    [Fact]
    public async Task Get_of_a_missing_entity_returns_null()
    {
        var table = await TestStorage.NewTableAsync();

        Assert.Null(await table.GetEntityAsync("cycle-1", "missing"));
    }

    [Fact]
    public async Task Get_with_select_returns_only_the_selected_properties()
    {
        var table = await TestStorage.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        var read = await table.GetEntityAsync("p", "r", ["A"]);

        Assert.Equal("a", read!.GetString("A"));
        Assert.False(read.ContainsKey("B"));
    }

    [Fact]
    public async Task Replace_drops_missing_properties_and_merge_keeps_them()
    {
        var table = await TestStorage.NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        etag = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["A"] = "a2" }, etag, TableUpdateMode.Replace);
        var replaced = await table.GetEntityAsync("p", "r");
        etag = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["C"] = "c" }, etag, TableUpdateMode.Merge);
        var merged = await table.GetEntityAsync("p", "r");

        Assert.Equal(["A"], replaced!.Keys);
        Assert.Equal(["A", "C"], merged!.Keys.Order());
        Assert.Equal(etag, merged.ETag);
    }

    [Fact]
    public async Task Upsert_inserts_then_replaces_or_merges()
    {
        var table = await TestStorage.NewTableAsync();

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2 });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = 3 }, TableUpdateMode.Merge);
        var merged = await table.GetEntityAsync("p", "r");
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["D"] = 4 }, TableUpdateMode.Replace);
        var replaced = await table.GetEntityAsync("p", "r");

        Assert.Equal(["A", "B", "C"], merged!.Keys.Order());
        Assert.Equal(["D"], replaced!.Keys);
    }

    [Fact]
    public async Task Duplicate_add_is_a_409_entity_already_exists()
    {
        var table = await TestStorage.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
    }

    [Fact]
    public async Task Delete_honours_if_match_and_ignore_not_found()
    {
        var table = await TestStorage.NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["X"] = 1 }, etag);

        var stale = await Assert.ThrowsAsync<StorageRequestException>(() => table.DeleteEntityAsync("p", "r", etag));
        await table.DeleteEntityAsync("p", "r");
        var missing = await Assert.ThrowsAsync<StorageRequestException>(() => table.DeleteEntityAsync("p", "r"));
        await table.DeleteEntityAsync("p", "r", ignoreNotFound: true);

        Assert.Equal((412, "UpdateConditionNotSatisfied"), (stale.Status, stale.ErrorCode));
        Assert.True(missing.IsNotFound);
        Assert.Null(await table.GetEntityAsync("p", "r"));
    }

    [Fact]
    public async Task Create_if_not_exists_is_idempotent_and_delete_table_removes_it()
    {
        var table = await TestStorage.NewTableAsync();
        await table.CreateIfNotExistsAsync();

        await table.DeleteTableAsync();

        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => table.GetEntityAsync("p", "r"));
        Assert.Equal("TableNotFound", ex.ErrorCode);
    }
}
