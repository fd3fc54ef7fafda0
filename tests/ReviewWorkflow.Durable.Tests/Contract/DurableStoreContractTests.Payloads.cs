using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Tests.Contract;

public abstract partial class DurableStoreContractTests
{
    [Fact]
    public async Task Large_payloads_round_trip_everywhere()
    {
        var store = await CreateStoreAsync(Time);
        var id = UniqueId("large");
        var input = LargeJson(1024 * 1024, seed: 1);
        var big = LargeJson(200 * 1024, seed: 2);
        var start = new InboxRecord($"{id}:start", "ExecutionStarted", LargeJson(200 * 1024, seed: 3));
        Assert.True(await store.TryCreateInstanceAsync(NewRecord(id, input: input), start));

        var read = (await store.ReadInstanceAsync(id))!;
        Assert.Equal(input, read.Record.Input);
        Assert.Equal(start.Json, Assert.Single(read.Inbox).Json);
        Assert.Equal(input, (await store.GetInstanceAsync(id))!.Input);

        var appended = new InboxRecord("evt-big", "EventRaised", LargeJson(200 * 1024, seed: 4));
        Assert.True(await store.TryAppendInboxAsync(id, appended));

        var output = LargeJson(300 * 1024, seed: 5);
        var customStatus = LargeJson(15 * 1024, seed: 6);
        var failure = LargeJson(100 * 1024, seed: 7);
        await store.CommitAsync(id, read.Record.ETag!, new InstanceCommit
        {
            Record = Advance(read.Record, OrchestrationRuntimeStatus.Running, 3, Start) with { Output = output, CustomStatus = customStatus, FailureDetails = failure, HasPendingOutbox = true },
            AppendHistory = [History(0, big), History(1, "{}"), History(2, LargeJson(70 * 1024, seed: 8))],
            ConsumedInbox = [start.MessageId],
            AddInbox = [new InboxRecord("timer-big", "TimerFired", LargeJson(200 * 1024, seed: 9), Start.AddDays(1))],
            AddOutbox = [new OutboxRecord("out-big", OutboxKind.InstanceMessage, "other", LargeJson(200 * 1024, seed: 10))],
        });

        var after = (await store.ReadInstanceAsync(id))!;
        Assert.Equal(big, after.History[0].Json);
        Assert.Equal("{}", after.History[1].Json);
        Assert.Equal(LargeJson(70 * 1024, seed: 8), after.History[2].Json);
        Assert.Equal(appended.Json, after.Inbox.Single(m => m.MessageId == "evt-big").Json);
        Assert.Equal(LargeJson(200 * 1024, seed: 9), after.Inbox.Single(m => m.MessageId == "timer-big").Json);
        Assert.Equal(LargeJson(200 * 1024, seed: 10), Assert.Single(after.Outbox).Json);
        Assert.Equal(output, after.Record.Output);
        Assert.Equal(customStatus, after.Record.CustomStatus);
        Assert.Equal(failure, after.Record.FailureDetails);
        Assert.Equal(input, after.Record.Input);

        // Queried records carry the same values.
        var page = await store.QueryInstancesAsync(new InstanceFilter { InstanceIdPrefix = id }, 10, null);
        Assert.Equal(output, Assert.Single(page.Instances).Output);

        // Large payloads survive a commit that removes or consumes them, and a purge.
        var last = await store.CommitAsync(id, after.Record.ETag!, new InstanceCommit
        {
            Record = Advance(after.Record, OrchestrationRuntimeStatus.Completed, 3, Start) with { HasPendingOutbox = false },
            ConsumedInbox = ["evt-big", "timer-big"],
            RemoveOutbox = ["out-big"],
        });
        Assert.False(string.IsNullOrEmpty(last));
        var final = (await store.ReadInstanceAsync(id))!;
        Assert.Empty(final.Inbox);
        Assert.Empty(final.Outbox);
        Assert.Equal(big, final.History[0].Json);
        Assert.True(await store.PurgeInstanceAsync(id));
        Assert.Null(await store.ReadInstanceAsync(id));
    }

    [Fact]
    public async Task Large_activity_message_round_trips_through_the_queue()
    {
        var store = await CreateStoreAsync(Time);
        var json = LargeJson(200 * 1024, seed: 11);
        await store.SendActivityAsync(json);
        var lease = Assert.Single(await ReceiveExpectingAsync(store, WorkItemKind.Activity, 1, TimeSpan.FromMinutes(1)));
        Assert.Equal(json, lease.MessageText);
        await store.SetAsidePoisonAsync(lease, "too big to handle");
        var poison = (await store.GetPoisonAsync(100)).Single(p => p.MessageId == lease.MessageId);
        Assert.Equal(json, poison.MessageText);
        Assert.Equal(0, await store.GetBacklogAsync(WorkItemKind.Activity));
    }

    [Fact]
    public async Task A_work_item_received_by_someone_else_resolves_to_the_lease_the_store_gives()
    {
        var store = await CreateStoreAsync(Time);
        var json = "{\"name\":\"SayHello\",\"input\":\"\\\"Riley\\\"\"}";
        await store.SendActivityAsync(json);
        var received = Assert.Single(await ReceiveExpectingAsync(store, WorkItemKind.Activity, 1, TimeSpan.FromMinutes(1)));

        var resolved = await store.ResolveReceivedAsync(WorkItemKind.Activity, received.MessageId, received.Receipt, received.MessageText, received.DequeueCount);

        Assert.Equal(received, resolved);
        await store.CompleteAsync(resolved!);
        Assert.Equal(0, await store.GetBacklogAsync(WorkItemKind.Activity));
    }
}
