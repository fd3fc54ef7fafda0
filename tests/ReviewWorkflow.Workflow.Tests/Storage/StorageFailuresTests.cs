using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.Tests.Storage;

/// <summary>The SDK's own failures, met for real, sorted as the outage middleware and /health need them.</summary>
public class StorageFailuresTests
{
    private static TableClient Unreachable(int maxRetries)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return new TableClient(Azurite.ConnectionStringFor(Azurite.FreePort(), Azurite.FreePort(), Azurite.FreePort()), "Nowhere", options);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Storage_that_cannot_be_reached_is_an_outage_with_or_without_retries(int maxRetries)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Unreachable(maxRetries).GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.True(StorageFailures.IsOutage(error), error.GetType().Name + ": " + error.Message);
        Assert.Equal(0, StorageFailures.Describe(error).Status);
    }

    [Fact]
    public async Task A_table_not_created_yet_is_an_outage_and_a_lost_insert_race_is_a_conflict()
    {
        var missing = new TableClient(await Azurite.GetConnectionStringAsync(), Azurite.UniqueTableName("missing"));
        var notCreated = await Assert.ThrowsAsync<RequestFailedException>(() => missing.AddEntityAsync(new TableEntity("p", "r")));
        var table = new TableClient(await Azurite.GetConnectionStringAsync(), Azurite.UniqueTableName("race"));
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        var twice = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.True(StorageFailures.IsOutage(notCreated));
        Assert.False(StorageFailures.IsOutage(twice));
        Assert.True(StorageFailures.IsConflict(twice));
    }

    [Fact]
    public async Task A_replace_with_a_stale_etag_is_a_failed_precondition()
    {
        var table = new TableClient(await Azurite.GetConnectionStringAsync(), Azurite.UniqueTableName("etag"));
        await table.CreateIfNotExistsAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, first.Headers.ETag!.Value, TableUpdateMode.Replace);

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 3 }, first.Headers.ETag!.Value, TableUpdateMode.Replace));

        Assert.True(StorageFailures.IsPreconditionFailed(stale));
        Assert.False(StorageFailures.IsOutage(stale));
    }

    [Fact]
    public async Task A_point_read_finds_no_row_as_null_but_a_missing_table_as_an_outage()
    {
        var table = new TableClient(await Azurite.GetConnectionStringAsync(), Azurite.UniqueTableName("find"));
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.FindAsync("p", "r"));
        await table.CreateIfNotExistsAsync();

        Assert.Null(await table.FindAsync("p", "r"));
        Assert.Equal((404, "TableNotFound"), (missing.Status, missing.ErrorCode));
        Assert.True(StorageFailures.IsOutage(missing));
    }
}
