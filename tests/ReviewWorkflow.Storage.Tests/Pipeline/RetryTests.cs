using System.Net;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tests.Support;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Storage.Tests.Pipeline;

public sealed class RetryTests
{
    private static readonly StorageConnection Dev = StorageConnection.Parse("UseDevelopmentStorage=true");

    [Fact]
    public async Task Retries_503_then_succeeds_and_re_signs_each_attempt()
    {
        var handler = new FakeHandler((_, i) => i < 2
            ? FakeHandler.Respond(HttpStatusCode.ServiceUnavailable, "{\"odata.error\":{\"code\":\"ServerBusy\",\"message\":{\"value\":\"busy\"}}}")
            : FakeHandler.Respond(HttpStatusCode.NoContent, null, ("ETag", "W/\"datetime'2026-01-05T10%3A00%3A00Z'\"")));
        var counter = new CountingPolicy();
        var options = handler.Options();
        options.AdditionalPolicies.Add(counter);

        var etag = await new TableServiceClient(Dev, options).GetTableClient("reviews").AddEntityAsync(new TableEntity("p", "r"));

        Assert.Equal("W/\"datetime'2026-01-05T10%3A00%3A00Z'\"", etag);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, counter.Count);
        Assert.All(handler.Requests, r => Assert.NotNull(r.Headers.Authorization));
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Retries_transient_statuses(HttpStatusCode status)
    {
        var handler = new FakeHandler((_, i) => i == 0 ? FakeHandler.Respond(status) : FakeHandler.Respond(HttpStatusCode.Created));

        await new QueueServiceClient(Dev, handler.Options()).GetQueueClient("review-wakeups").CreateIfNotExistsAsync();

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Gives_up_after_max_retries_with_the_service_error()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Respond(HttpStatusCode.ServiceUnavailable, null, ("x-ms-error-code", "ServerBusy")));

        var ex = await Assert.ThrowsAsync<StorageRequestException>(
            () => new TableServiceClient(Dev, handler.Options(maxRetries: 2)).GetTableClient("reviews").AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(503, ex.Status);
        Assert.Equal("ServerBusy", ex.ErrorCode);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Does_not_retry_a_precondition_failure()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Respond(HttpStatusCode.PreconditionFailed, null, ("x-ms-error-code", "UpdateConditionNotSatisfied")));

        var ex = await Assert.ThrowsAsync<StorageRequestException>(
            () => new TableServiceClient(Dev, handler.Options()).GetTableClient("reviews").UpdateEntityAsync(new TableEntity("p", "r"), "W/\"x\""));

        Assert.True(ex.IsPreconditionFailed);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Retries_a_timed_out_attempt()
    {
        var handler = new FakeHandler((_, i) => i == 0
            ? throw new TaskCanceledException("attempt timed out", new TimeoutException())
            : FakeHandler.Respond(HttpStatusCode.NoContent));

        await new QueueServiceClient(Dev, handler.Options()).GetQueueClient("review-wakeups").DeleteMessageAsync("m1", "receipt");

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_that_exceeds_the_request_timeout_is_abandoned_and_retried()
    {
        var handler = new FakeHandler(async (_, i, ct) =>
        {
            if (i == 0)
            {
                await Task.Delay(Timeout.Infinite, ct); // hangs until the per-try timeout cancels it
            }

            return FakeHandler.Respond(HttpStatusCode.Created);
        });
        var options = handler.Options();
        options.RequestTimeout = TimeSpan.FromMilliseconds(200);

        await new QueueServiceClient(Dev, options).GetQueueClient("review-wakeups").CreateIfNotExistsAsync();

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Unreachable_service_gives_status_0_and_ping_false()
    {
        var port = Azurite.FreePort(); // nothing listens there
        var connection = StorageConnection.Parse(Azurite.ConnectionStringFor(port, port, port));
        var options = new StorageOptions { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1) };

        var ex = await Assert.ThrowsAsync<StorageRequestException>(
            () => new TableServiceClient(connection, options).GetTableClient("reviews").GetEntityAsync("p", "r"));

        Assert.Equal(0, ex.Status);
        Assert.False(await new TableServiceClient(connection, options).PingAsync());
        Assert.False(await new QueueServiceClient(connection, options).PingAsync());
    }
}
