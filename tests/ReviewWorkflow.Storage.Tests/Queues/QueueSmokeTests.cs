using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Queues;

public sealed class QueueSmokeTests
{
    [Fact]
    public async Task Send_receive_update_delete()
    {
        var queue = await TestStorage.NewQueueAsync();
        var receipt = await queue.SendMessageAsync("hello <&> 😀");
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync());
        var peeked = await queue.PeekMessagesAsync();
        Assert.Equal("hello <&> 😀", peeked[0].MessageText);
        var got = await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30));
        Assert.Single(got);
        Assert.Equal(receipt.MessageId, got[0].MessageId);
        var updated = await queue.UpdateMessageAsync(got[0].MessageId, got[0].PopReceipt, TimeSpan.Zero, "changed");
        var again = await queue.ReceiveMessagesAsync();
        Assert.Equal("changed", again[0].MessageText);
        await queue.DeleteMessageAsync(again[0].MessageId, again[0].PopReceipt);
        await queue.DeleteMessageAsync(again[0].MessageId, again[0].PopReceipt);
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
        Assert.NotEqual(updated.PopReceipt, got[0].PopReceipt);
    }
}
