using ReviewWorkflow.Storage.Pipeline;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tests.Support;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Storage.Tests.Pipeline;

public sealed class ErrorParsingTests
{
    [Fact]
    public void Header_code_wins_and_json_message_is_read()
    {
        var (code, message) = StorageErrors.Parse(
            "EntityAlreadyExists",
            "{\"odata.error\":{\"code\":\"Other\",\"message\":{\"lang\":\"en-US\",\"value\":\"The specified entity already exists.\\nRequestId:1\"}}}");

        Assert.Equal("EntityAlreadyExists", code);
        Assert.Equal("The specified entity already exists.\nRequestId:1", message);
    }

    [Fact]
    public void Json_body_code_is_used_without_header()
    {
        var (code, _) = StorageErrors.Parse(null, "{\"odata.error\":{\"code\":\"TableNotFound\",\"message\":{\"value\":\"x\"}}}");

        Assert.Equal("TableNotFound", code);
    }

    [Fact]
    public void Xml_body_code_and_message_are_read()
    {
        var (code, message) = StorageErrors.Parse(
            null, "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>QueueNotFound</Code><Message>The specified queue does not exist.</Message></Error>");

        Assert.Equal("QueueNotFound", code);
        Assert.Equal("The specified queue does not exist.", message);
    }

    [Fact]
    public void Garbage_body_gives_no_code()
    {
        Assert.Equal((null, null), StorageErrors.Parse(null, "{not json"));
        Assert.Equal((null, null), StorageErrors.Parse(" ", null));
    }

    [Fact]
    public async Task Azurite_errors_carry_status_and_code()
    {
        var connection = ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync());
        var table = await TestStorage.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var conflict = await Assert.ThrowsAsync<StorageRequestException>(() => table.AddEntityAsync(new TableEntity("p", "r")));
        var missingRow = await Assert.ThrowsAsync<StorageRequestException>(() => table.DeleteEntityAsync("p", "nope"));
        var missingTable = await Assert.ThrowsAsync<StorageRequestException>(
            () => new TableServiceClient(connection, TestStorage.FastOptions()).GetTableClient(Azurite.UniqueTableName()).AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal((409, "EntityAlreadyExists"), (conflict.Status, conflict.ErrorCode));
        Assert.True(conflict.IsConflict);
        Assert.Equal((404, "ResourceNotFound"), (missingRow.Status, missingRow.ErrorCode));
        Assert.Equal((404, "TableNotFound"), (missingTable.Status, missingTable.ErrorCode));
    }

    [Fact]
    public async Task Azurite_queue_errors_carry_status_and_code()
    {
        var queues = new ReviewWorkflow.Storage.Queues.QueueServiceClient(ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync()));

        var ex = await Assert.ThrowsAsync<StorageRequestException>(
            () => queues.GetQueueClient(Azurite.UniqueQueueName()).SendMessageAsync("hello"));

        Assert.Equal((404, "QueueNotFound"), (ex.Status, ex.ErrorCode));
        Assert.Contains("QueueNotFound", ex.Message, StringComparison.Ordinal);
    }
}
