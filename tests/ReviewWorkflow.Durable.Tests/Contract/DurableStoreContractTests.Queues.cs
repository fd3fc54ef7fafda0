using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Tests.Contract;

public abstract partial class DurableStoreContractTests
{
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Wakeup_is_received_leased_and_completed()
    {
        var store = await CreateStoreAsync(Time);
        await store.SendWakeupAsync("instance-a", TimeSpan.Zero);
        var lease = Assert.Single(await ReceiveExpectingAsync(store, WorkItemKind.Orchestration, 1, TimeSpan.FromMinutes(5)));
        Assert.Equal(WorkItemKind.Orchestration, lease.Kind);
        Assert.Equal("instance-a", WakeupInstanceId(lease.MessageText));
        Assert.Equal(1, lease.DequeueCount);
        Assert.False(string.IsNullOrEmpty(lease.MessageId));
        Assert.False(string.IsNullOrEmpty(lease.Receipt));

        // Leased: invisible to other receivers.
        Assert.Empty(await store.ReceiveAsync(WorkItemKind.Orchestration, 32, TimeSpan.FromMinutes(5)));
        Assert.Equal(1, await store.GetBacklogAsync(WorkItemKind.Orchestration));

        await store.CompleteAsync(lease);
        Assert.Equal(0, await store.GetBacklogAsync(WorkItemKind.Orchestration));
    }

    [Fact]
    public async Task Leased_activity_send_is_invisible_until_its_lease_runs_out_and_completes_with_its_receipt()
    {
        var store = await CreateStoreAsync(Time);
        var big = "{\"input\":\"" + new string('x', 100_000) + "\"}";
        var done = await store.SendActivityLeasedAsync("{\"name\":\"Done\"}", TimeSpan.FromMinutes(5));
        var lost = await store.SendActivityLeasedAsync(big, ShortLease);
        Assert.NotNull(done);
        Assert.NotNull(lost);
        Assert.Equal(WorkItemKind.Activity, done.Kind);
        Assert.Equal("{\"name\":\"Done\"}", done.MessageText);
        Assert.Equal(big, lost.MessageText);
        Assert.Equal(2, await store.GetBacklogAsync(WorkItemKind.Activity));

        // Leased to the sender: no poller sees either.
        Assert.Empty(await store.ReceiveAsync(WorkItemKind.Activity, 32, TimeSpan.FromMinutes(5)));
        await store.CompleteAsync(done);
        Assert.Equal(1, await store.GetBacklogAsync(WorkItemKind.Activity));

        // The sender "died" with the other one: it is delivered from the queue when its lease runs out, payload intact.
        await PassTimeAsync(ShortLease + TimeSpan.FromSeconds(1));
        var redelivered = Assert.Single(await ReceiveExpectingAsync(store, WorkItemKind.Activity, 1, TimeSpan.FromMinutes(5)));
        Assert.Equal(big, redelivered.MessageText);
        await store.CompleteAsync(redelivered);
        Assert.Equal(0, await store.GetBacklogAsync(WorkItemKind.Activity));
    }

    [Fact]
    public async Task Delayed_wakeup_becomes_visible_after_its_delay()
    {
        var store = await CreateStoreAsync(Time);
        await store.SendWakeupAsync("instance-later", TimeSpan.FromSeconds(2));
        Assert.Empty(await store.ReceiveAsync(WorkItemKind.Orchestration, 32, TimeSpan.FromMinutes(5)));
        Assert.Equal(1, await store.GetBacklogAsync(WorkItemKind.Orchestration));
        await PassTimeAsync(TimeSpan.FromSeconds(3));
        var lease = Assert.Single(await ReceiveExpectingAsync(store, WorkItemKind.Orchestration, 1, TimeSpan.FromMinutes(5)));
        Assert.Equal("instance-later", WakeupInstanceId(lease.MessageText));
    }

    [Fact]
    public async Task Queues_are_separate_by_kind()
    {
        var store = await CreateStoreAsync(Time);
        await store.SendActivityAsync("{\"name\":\"A\"}");
        Assert.Empty(await store.ReceiveAsync(WorkItemKind.Orchestration, 32, TimeSpan.FromMinutes(1)));
        var lease = Assert.Single(await ReceiveExpectingAsync(store, WorkItemKind.Activity, 1, TimeSpan.FromMinutes(1)));
        Assert.Equal(WorkItemKind.Activity, lease.Kind);
        Assert.Equal("{\"name\":\"A\"}", lease.MessageText);
        Assert.Equal(1, await store.GetBacklogAsync(WorkItemKind.Activity));
        Assert.Equal(0, await store.GetBacklogAsync(WorkItemKind.Orchestration));
    }

    [Fact]
    public async Task Receive_returns_at_most_the_requested_number()
    {
        var store = await CreateStoreAsync(Time);
        for (var i = 0; i < 5; i++)
        {
            await store.SendActivityAsync($"{{\"i\":{i}}}");
        }

        var first = await ReceiveExpectingAsync(store, WorkItemKind.Activity, 3, TimeSpan.FromMinutes(1));
        Assert.Equal(3, first.Count);
        var rest = await ReceiveExpectingAsync(store, WorkItemKind.Activity, 2, TimeSpan.FromMinutes(1));
        Assert.Equal(2, rest.Count);
        Assert.Equal(5, first.Concat(rest).Select(l => l.MessageText).Distinct().Count());
        Assert.Empty(await store.ReceiveAsync(WorkItemKind.Activity, 32, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Abandon_makes_the_message_visible_again_with_a_higher_dequeue_count()
    {
        var store = await CreateStoreAsync(Time);
        await store.SendActivityAsync("{\"n\":\"abandon\"}");
        var first = Assert.Single(await ReceiveExpectingAsync(store, WorkItemKind.Activity, 1, TimeSpan.FromMinutes(5)));
        await store.AbandonAsync(first, TimeSpan.Zero);
        var second = Assert.Single(await ReceiveExpectingAsync(store, WorkItemKind.Activity, 1, TimeSpan.FromMinutes(5)));
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.Equal(first.MessageText, second.MessageText);

        await store.AbandonAsync(second, ShortLease);
        Assert.Empty(await store.ReceiveAsync(WorkItemKind.Activity, 32, TimeSpan.FromMinutes(5)));
        await PassTimeAsync(ShortLease + TimeSpan.FromSeconds(1));
        var third = Assert.Single(await ReceiveExpectingAsync(store, WorkItemKind.Activity, 1, TimeSpan.FromMinutes(5)));
        Assert.Equal(3, third.DequeueCount);
    }

    [Fact]
    public async Task Expired_lease_redelivers_and_the_stale_receipt_is_ignored()
    {
        var store = await CreateStoreAsync(Time);
        await store.SendActivityAsync("{\"n\":\"lease\"}");
        var first = Assert.Single(await ReceiveExpectingAsync(store, WorkItemKind.Activity, 1, ShortLease));
        await PassTimeAsync(ShortLease + TimeSpan.FromSeconds(1));
        var second = Assert.Single(await ReceiveExpectingAsync(store, WorkItemKind.Activity, 1, TimeSpan.FromMinutes(5)));
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);

        // The first worker finishes late: its completion must not delete the message the second worker holds.
        await store.CompleteAsync(first);
        Assert.Equal(1, await store.GetBacklogAsync(WorkItemKind.Activity));
        await store.CompleteAsync(second);
        Assert.Equal(0, await store.GetBacklogAsync(WorkItemKind.Activity));
    }

    [Fact]
    public async Task Poison_is_set_aside_with_its_reason_and_never_redelivered()
    {
        var store = await CreateStoreAsync(Time);
        await store.SendActivityAsync("{\"n\":\"poison\"}");
        WorkItemLease? lease = null;
        for (var i = 0; i < 3; i++)
        {
            lease = Assert.Single(await ReceiveExpectingAsync(store, WorkItemKind.Activity, 1, TimeSpan.FromMinutes(5)));
            if (i < 2)
            {
                await store.AbandonAsync(lease, TimeSpan.Zero);
            }
        }

        await store.SetAsidePoisonAsync(lease!, "failed 3 times: boom");
        Assert.Equal(0, await store.GetBacklogAsync(WorkItemKind.Activity));
        await PassTimeAsync(TimeSpan.FromSeconds(3));
        Assert.Empty(await store.ReceiveAsync(WorkItemKind.Activity, 32, TimeSpan.FromMinutes(5)));

        var poison = (await store.GetPoisonAsync(100)).Single(p => p.MessageId == lease!.MessageId);
        Assert.Equal(WorkItemKind.Activity, poison.Kind);
        Assert.Equal("{\"n\":\"poison\"}", poison.MessageText);
        Assert.Equal(3, poison.DequeueCount);
        Assert.Equal("failed 3 times: boom", poison.Reason);
    }
}
