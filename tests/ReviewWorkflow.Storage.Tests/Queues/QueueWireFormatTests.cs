using System.Net;
using System.Text;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Queues;

public sealed class QueueWireFormatTests
{
    private const string SendAnswer =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList><QueueMessage><MessageId>5974b586-0df3-4e2d-ad0c-18e3892bfca2</MessageId>" +
        "<InsertionTime>Mon, 05 Jan 2026 10:00:00 GMT</InsertionTime><ExpirationTime>Fri, 31 Dec 9999 23:59:59 GMT</ExpirationTime>" +
        "<PopReceipt>AgAAAAMAAAAAAAAA</PopReceipt><TimeNextVisible>Mon, 05 Jan 2026 10:00:00 GMT</TimeNextVisible></QueueMessage></QueueMessagesList>";

    private static QueueClient Client(FakeHandler handler)
        => new QueueServiceClient(StorageConnection.Parse("UseDevelopmentStorage=true"), handler.Options()).GetQueueClient("review-wakeups");

    [Fact]
    public async Task Message_text_is_base64_utf8_in_an_xml_body_with_infinite_ttl_by_default()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Respond(HttpStatusCode.Created, SendAnswer));

        var receipt = await Client(handler).SendMessageAsync("Pledge <review> & ü");

        var body = Assert.Single(handler.Bodies);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("Pledge <review> & ü"));
        Assert.EndsWith($"<QueueMessage><MessageText>{base64}</MessageText></QueueMessage>", body, StringComparison.Ordinal);
        Assert.Equal("?visibilitytimeout=0&messagettl=-1", handler.Requests[0].RequestUri!.Query);
        Assert.Equal("/devstoreaccount1/review-wakeups/messages", handler.Requests[0].RequestUri!.AbsolutePath);
        Assert.Equal(new SendReceipt("5974b586-0df3-4e2d-ad0c-18e3892bfca2", "AgAAAAMAAAAAAAAA", new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero)), receipt);
    }

    [Fact]
    public async Task Delay_and_ttl_are_sent_in_whole_seconds()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Respond(HttpStatusCode.Created, SendAnswer));

        await Client(handler).SendMessageAsync("x", TimeSpan.FromDays(7), TimeSpan.FromDays(8));

        Assert.Equal("?visibilitytimeout=604800&messagettl=691200", handler.Requests[0].RequestUri!.Query);
    }

    [Fact]
    public async Task Received_text_that_is_not_base64_is_returned_as_sent()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Respond(HttpStatusCode.OK,
            "<QueueMessagesList><QueueMessage><MessageId>m</MessageId><PopReceipt>p</PopReceipt><DequeueCount>3</DequeueCount>" +
            "<MessageText>plain text, not base64!</MessageText></QueueMessage></QueueMessagesList>"));

        var message = Assert.Single(await Client(handler).ReceiveMessagesAsync());

        Assert.Equal(("plain text, not base64!", 3L), (message.MessageText, message.DequeueCount));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(7 * 24 * 3600 + 1.0)]
    public async Task Delays_outside_zero_to_seven_days_are_rejected_before_sending(double seconds)
    {
        var handler = new FakeHandler((_, _) => throw new InvalidOperationException("nothing should be sent"));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Client(handler).SendMessageAsync("x", TimeSpan.FromSeconds(seconds)));

        Assert.Contains("7 days", ex.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Other_queue_limits_are_checked_before_sending()
    {
        var handler = new FakeHandler((_, _) => throw new InvalidOperationException("nothing should be sent"));
        var queue = Client(handler);

        var tooBig = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('a', (48 * 1024) + 1)));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync("x", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => queue.ReceiveMessagesAsync(0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => queue.ReceiveMessagesAsync(33));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => queue.PeekMessagesAsync(33));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.ReceiveMessagesAsync(1, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.UpdateMessageAsync("m", "p", TimeSpan.FromDays(8)));

        Assert.Contains("64 KiB", tooBig.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("double--dash")]
    [InlineData("-leading")]
    [InlineData("under_score")]
    public void Bad_queue_names_are_rejected(string name)
    {
        var service = new QueueServiceClient(StorageConnection.Parse("UseDevelopmentStorage=true"));

        Assert.Throws<ArgumentException>(() => service.GetQueueClient(name));
    }
}
