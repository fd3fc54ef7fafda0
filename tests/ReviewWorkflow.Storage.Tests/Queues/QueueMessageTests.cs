using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Queues;

public sealed class QueueMessageTests
{
    [Fact]
    public async Task Send_receive_delete_round_trips_text()
    {
        var queue = await TestStorage.NewQueueAsync();
        const string text = "{\"instanceId\":\"cycle-1\",\"note\":\"<b>Pledge</b> & 'care leavers' ]]> 😀 Cymraeg ŵ\"}";

        var sent = await queue.SendMessageAsync(text);
        var received = Assert.Single(await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30)));
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);

        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal(text, received.MessageText);
        Assert.Equal(1, received.DequeueCount);
        Assert.NotNull(received.InsertedOn);
        Assert.True(received.NextVisibleOn > DateTimeOffset.UtcNow.AddSeconds(10));
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task A_message_sent_with_a_seven_day_delay_is_accepted_and_invisible()
    {
        var queue = await TestStorage.NewQueueAsync();

        var receipt = await queue.SendMessageAsync("wake up in a week", TimeSpan.FromDays(7));

        Assert.True(receipt.NextVisibleOn > DateTimeOffset.UtcNow.AddDays(6.9));
        Assert.Empty(await queue.ReceiveMessagesAsync(32));
        Assert.Empty(await queue.PeekMessagesAsync(32));
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Update_hides_or_reveals_a_message_changes_text_and_returns_a_new_pop_receipt()
    {
        var queue = await TestStorage.NewQueueAsync();
        await queue.SendMessageAsync("first");
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5)));

        var updated = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, TimeSpan.Zero, "second");
        var again = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5)));
        var hidden = await queue.UpdateMessageAsync(again.MessageId, again.PopReceipt, TimeSpan.FromHours(1));

        Assert.NotEqual(received.PopReceipt, updated.PopReceipt);
        Assert.Equal(received.MessageId, updated.MessageId);
        Assert.Equal("second", again.MessageText);
        Assert.Equal(2, again.DequeueCount);
        Assert.True(hidden.NextVisibleOn > DateTimeOffset.UtcNow.AddMinutes(50));
        Assert.Empty(await queue.ReceiveMessagesAsync());
    }

    [Fact]
    public async Task Peek_does_not_change_visibility_and_count_is_approximate()
    {
        var queue = await TestStorage.NewQueueAsync();
        for (var i = 0; i < 3; i++)
        {
            await queue.SendMessageAsync($"m{i}");
        }

        var peeked = await queue.PeekMessagesAsync(32);
        var received = await queue.ReceiveMessagesAsync(32);

        Assert.Equal(["m0", "m1", "m2"], peeked.Select(m => m.MessageText));
        Assert.All(peeked, m => Assert.Equal("", m.PopReceipt));
        Assert.Equal(3, received.Count);
        Assert.Equal(3, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Deleting_an_already_deleted_message_is_ignored()
    {
        var queue = await TestStorage.NewQueueAsync();
        await queue.SendMessageAsync("once");
        var m = Assert.Single(await queue.ReceiveMessagesAsync());

        await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
        await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);

        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task The_largest_allowed_message_is_accepted()
    {
        var queue = await TestStorage.NewQueueAsync();
        var text = new string('a', 48 * 1024); // Base64 of 49,152 bytes is exactly 64 KiB

        await queue.SendMessageAsync(text);

        Assert.Equal(text, Assert.Single(await queue.ReceiveMessagesAsync()).MessageText);
    }

    [Fact]
    public async Task Create_if_not_exists_is_idempotent_and_delete_removes_the_queue()
    {
        var queue = await TestStorage.NewQueueAsync();
        await queue.CreateIfNotExistsAsync();

        await queue.DeleteQueueAsync();

        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => queue.GetApproximateMessageCountAsync());
        Assert.Equal(404, ex.Status);
    }
}
