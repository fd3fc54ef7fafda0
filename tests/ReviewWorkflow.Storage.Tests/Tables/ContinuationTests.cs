using System.Net;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Tables;

public sealed class ContinuationTests
{
    private static TableClient Client(FakeHandler handler)
        => new TableServiceClient(StorageConnection.Parse("UseDevelopmentStorage=true"), handler.Options()).GetTableClient("reviews");

    private static string Page(params string[] rowKeys)
        => "{\"value\":[" + string.Join(',', rowKeys.Select(r => $"{{\"PartitionKey\":\"p\",\"RowKey\":\"{r}\"}}")) + "]}";

    [Fact]
    public async Task A_continuation_without_next_row_key_is_followed_without_next_row_key()
    {
        var handler = new FakeHandler((_, i) => i switch
        {
            0 => FakeHandler.Respond(HttpStatusCode.OK, Page("a"), ("x-ms-continuation-NextPartitionKey", "1!8!cDI-")),
            _ => FakeHandler.Respond(HttpStatusCode.OK, Page("b")),
        });

        var all = await Client(handler).QueryAsync(TableFilter.Create($"RowKey ne {"z"}")).ToListAsync();

        Assert.Equal(["a", "b"], all.Select(e => e.RowKey));
        var next = handler.Requests[1].RequestUri!.Query;
        Assert.Contains("NextPartitionKey=1%218%21cDI-", next, StringComparison.Ordinal);
        Assert.DoesNotContain("NextRowKey", next, StringComparison.Ordinal);
        Assert.Contains("filter=RowKey%20ne%20%27z%27", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_reports_a_continuation_with_null_next_row_key()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Respond(HttpStatusCode.OK, Page(), ("x-ms-continuation-NextPartitionKey", "1!8!cDI-")));

        var page = await Client(handler).QueryPageAsync();

        Assert.Empty(page.Entities);
        Assert.Equal(new TableContinuation("1!8!cDI-", null), page.Continuation);
    }

    [Fact]
    public async Task Empty_and_short_pages_with_continuations_are_followed_and_both_keys_sent()
    {
        var handler = new FakeHandler((_, i) => i switch
        {
            0 => FakeHandler.Respond(HttpStatusCode.OK, Page(), ("x-ms-continuation-NextPartitionKey", "pk1"), ("x-ms-continuation-NextRowKey", "rk1")),
            1 => FakeHandler.Respond(HttpStatusCode.OK, Page("a"), ("x-ms-continuation-NextPartitionKey", "pk2")),
            _ => FakeHandler.Respond(HttpStatusCode.OK, Page("b", "c")),
        });

        var all = await Client(handler).QueryAsync(maxPerPage: 5).ToListAsync();

        Assert.Equal(["a", "b", "c"], all.Select(e => e.RowKey));
        Assert.Equal(3, handler.Requests.Count);
        Assert.Contains("NextPartitionKey=pk1&NextRowKey=rk1", handler.Requests[1].RequestUri!.Query, StringComparison.Ordinal);
        Assert.EndsWith("NextPartitionKey=pk2", handler.Requests[2].RequestUri!.Query, StringComparison.Ordinal);
        Assert.All(handler.Requests, r => Assert.Contains("top=5", r.RequestUri!.Query, StringComparison.Ordinal));
    }
}
