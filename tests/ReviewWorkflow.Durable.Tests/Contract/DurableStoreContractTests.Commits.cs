using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Tests.Contract;

public abstract partial class DurableStoreContractTests
{
    [Fact]
    public async Task Commit_applies_every_part_and_returns_the_new_etag()
    {
        var (store, id, etag) = await CreatedInstanceAsync();
        var basis = (await store.GetInstanceAsync(id))!;
        var timer = new InboxRecord("timer-1", "TimerFired", "{\"type\":\"TimerFired\"}", Start.AddDays(2));
        var newETag = await store.CommitAsync(id, etag, new InstanceCommit
        {
            Record = Advance(basis, OrchestrationRuntimeStatus.Running, 3, Start.AddSeconds(1)) with { NextWakeAt = Start.AddDays(2), HasPendingOutbox = true, CustomStatus = "\"drafting\"" },
            AppendHistory = [History(0, "{\"a\":0}"), History(1, "{\"a\":1}"), History(2, "{\"a\":2}")],
            ConsumedInbox = [StartMessage(id).MessageId],
            AddInbox = [timer],
            AddOutbox =
            [
                new OutboxRecord("act-1", OutboxKind.Activity, null, "{\"name\":\"SendReminder\"}"),
                new OutboxRecord("msg-1", OutboxKind.InstanceMessage, "other", "{\"type\":\"EventRaised\"}"),
                new OutboxRecord("new-1", OutboxKind.CreateInstance, "child", "{\"name\":\"Child\"}"),
                new OutboxRecord("wake-1", OutboxKind.Wakeup, id, "{}", Start.AddDays(2)),
            ],
        });

        Assert.NotEqual(etag, newETag);
        var snapshot = (await store.ReadInstanceAsync(id))!;
        Assert.Equal(newETag, snapshot.Record.ETag);
        Assert.Equal(OrchestrationRuntimeStatus.Running, snapshot.Record.RuntimeStatus);
        Assert.Equal(3, snapshot.Record.HistoryCount);
        Assert.Equal(1, snapshot.Record.StepCount);
        Assert.Equal("\"drafting\"", snapshot.Record.CustomStatus);
        Assert.Equal(Start.AddDays(2), snapshot.Record.NextWakeAt);
        Assert.True(snapshot.Record.HasPendingOutbox);
        Assert.Equal([0, 1, 2], snapshot.History.Select(h => h.Sequence));
        Assert.Equal("{\"a\":2}", snapshot.History[2].Json);
        Assert.Equal("TaskScheduled", snapshot.History[2].EventType);
        Assert.Equal(timer, Assert.Single(snapshot.Inbox));
        Assert.Equal(["act-1", "msg-1", "new-1", "wake-1"], snapshot.Outbox.Select(o => o.MessageId).Order(StringComparer.Ordinal));
        var wake = snapshot.Outbox.Single(o => o.MessageId == "wake-1");
        Assert.Equal(new OutboxRecord("wake-1", OutboxKind.Wakeup, id, "{}", Start.AddDays(2)), wake);
        Assert.Equal(new OutboxRecord("msg-1", OutboxKind.InstanceMessage, "other", "{\"type\":\"EventRaised\"}"), snapshot.Outbox.Single(o => o.MessageId == "msg-1"));

        // A later commit appends history after the existing records and removes outbox records.
        var third = await store.CommitAsync(id, newETag, new InstanceCommit
        {
            Record = Advance(snapshot.Record, OrchestrationRuntimeStatus.Running, 4, Start.AddSeconds(2)) with { HasPendingOutbox = false },
            AppendHistory = [History(3, "{\"a\":3}")],
            RemoveOutbox = ["act-1", "msg-1", "new-1", "wake-1"],
        });
        var after = (await store.ReadInstanceAsync(id))!;
        Assert.Equal(third, after.Record.ETag);
        Assert.Equal([0, 1, 2, 3], after.History.Select(h => h.Sequence));
        Assert.Empty(after.Outbox);
        Assert.False(after.Record.HasPendingOutbox);
    }

    [Fact]
    public async Task Commit_with_stale_etag_throws_and_changes_nothing()
    {
        var (store, id, etag) = await CreatedInstanceAsync();
        var basis = (await store.GetInstanceAsync(id))!;
        await store.CommitAsync(id, etag, new InstanceCommit { Record = Advance(basis, OrchestrationRuntimeStatus.Running, 1, Start), AppendHistory = [History(0)] });
        var before = await store.ReadInstanceAsync(id);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(id, etag, new InstanceCommit
        {
            Record = Advance(basis, OrchestrationRuntimeStatus.Completed, 1, Start),
            AppendHistory = [History(0, "{\"other\":true}")],
            ConsumedInbox = [StartMessage(id).MessageId],
            AddOutbox = [new OutboxRecord("x", OutboxKind.Activity, null, "{}")],
        }));

        var after = (await store.ReadInstanceAsync(id))!;
        Assert.Equal(before!.Record, after.Record);
        Assert.Equal(before.History, after.History);
        Assert.Equal(before.Inbox, after.Inbox);
        Assert.Empty(after.Outbox);
    }

    [Fact]
    public async Task Commit_on_missing_instance_is_a_conflict()
    {
        var store = await CreateStoreAsync(Time);
        var id = UniqueId();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.CommitAsync(id, "W/\"1\"", new InstanceCommit { Record = NewRecord(id) }));
        Assert.Null(await store.GetInstanceAsync(id));
    }

    [Fact]
    public async Task Two_commits_on_one_basis_exactly_one_wins()
    {
        var (store, id, etag) = await CreatedInstanceAsync();
        var basis = (await store.GetInstanceAsync(id))!;
        var commits = Enumerable.Range(0, 2).Select(async i =>
        {
            await Task.Yield();
            try
            {
                await store.CommitAsync(id, etag, new InstanceCommit
                {
                    Record = Advance(basis, OrchestrationRuntimeStatus.Running, 1, Start) with { CustomStatus = $"\"writer-{i}\"" },
                    AppendHistory = [History(0, $"{{\"writer\":{i}}}")],
                    ConsumedInbox = [StartMessage(id).MessageId],
                    AddOutbox = [new OutboxRecord($"out-{i}", OutboxKind.Activity, null, "{}")],
                });
                return i;
            }
            catch (ConcurrencyConflictException)
            {
                return -1;
            }
        }).ToList();
        var results = await Task.WhenAll(commits);

        var winner = Assert.Single(results, r => r >= 0);
        var snapshot = (await store.ReadInstanceAsync(id))!;
        Assert.Equal($"\"writer-{winner}\"", snapshot.Record.CustomStatus);
        Assert.Equal($"{{\"writer\":{winner}}}", Assert.Single(snapshot.History).Json);
        Assert.Equal($"out-{winner}", Assert.Single(snapshot.Outbox).MessageId);
        Assert.Empty(snapshot.Inbox);
    }

    [Fact]
    public async Task ReplaceHistory_discards_the_previous_history()
    {
        var (store, id, etag) = await CreatedInstanceAsync();
        var basis = (await store.GetInstanceAsync(id))!;
        etag = await store.CommitAsync(id, etag, new InstanceCommit
        {
            Record = Advance(basis, OrchestrationRuntimeStatus.Running, 5, Start),
            AppendHistory = [.. Enumerable.Range(0, 5).Select(i => History(i))],
        });
        await store.CommitAsync(id, etag, new InstanceCommit
        {
            Record = Advance(basis, OrchestrationRuntimeStatus.Running, 2, Start) with { Generation = 1, ExecutionId = "exec-2" },
            ReplaceHistory = true,
            AppendHistory = [History(0, "{\"gen\":1}"), History(1, "{\"gen\":1.1}")],
        });
        var snapshot = (await store.ReadInstanceAsync(id))!;
        Assert.Equal(["{\"gen\":1}", "{\"gen\":1.1}"], snapshot.History.Select(h => h.Json));
        Assert.Equal(1, snapshot.Record.Generation);
        Assert.Equal("exec-2", snapshot.Record.ExecutionId);
    }

    [Fact]
    public async Task ReplaceHistory_with_nothing_leaves_an_empty_history()
    {
        var (store, id, etag) = await CreatedInstanceAsync();
        var basis = (await store.GetInstanceAsync(id))!;
        etag = await store.CommitAsync(id, etag, new InstanceCommit
        {
            Record = Advance(basis, OrchestrationRuntimeStatus.Running, 3, Start),
            AppendHistory = [History(0), History(1), History(2)],
        });
        await store.CommitAsync(id, etag, new InstanceCommit { Record = Advance(basis, OrchestrationRuntimeStatus.Running, 0, Start), ReplaceHistory = true });
        Assert.Empty((await store.ReadInstanceAsync(id))!.History);
    }

    [Fact]
    public async Task Commit_with_600_operations_is_atomic_and_complete()
    {
        var (store, id, etag) = await CreatedInstanceAsync();
        var basis = (await store.GetInstanceAsync(id))!;
        await store.CommitAsync(id, etag, new InstanceCommit
        {
            Record = Advance(basis, OrchestrationRuntimeStatus.Running, 250, Start) with { HasPendingOutbox = true },
            AppendHistory = [.. Enumerable.Range(0, 250).Select(i => History(i, $"{{\"i\":{i}}}"))],
            AddOutbox = [.. Enumerable.Range(0, 250).Select(i => new OutboxRecord($"act-{i:D4}", OutboxKind.Activity, null, $"{{\"i\":{i}}}"))],
            AddInbox = [.. Enumerable.Range(0, 99).Select(i => new InboxRecord($"timer-{i:D4}", "TimerFired", "{}", Start.AddHours(i + 1)))],
            ConsumedInbox = [StartMessage(id).MessageId],
        });

        var snapshot = (await store.ReadInstanceAsync(id))!;
        Assert.Equal(Enumerable.Range(0, 250), snapshot.History.Select(h => h.Sequence));
        Assert.Equal("{\"i\":249}", snapshot.History[249].Json);
        Assert.Equal(250, snapshot.Outbox.Count);
        Assert.Equal(99, snapshot.Inbox.Count);

        // A second large commit on a stale basis must not half-apply.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(id, etag, new InstanceCommit
        {
            Record = Advance(basis, OrchestrationRuntimeStatus.Completed, 600, Start),
            AppendHistory = [.. Enumerable.Range(0, 600).Select(i => History(i))],
        }));
        Assert.Equal(250, (await store.ReadInstanceAsync(id))!.History.Count);
    }

    [Fact]
    public async Task TryAppendInbox_is_idempotent_on_message_id()
    {
        var (store, id, _) = await CreatedInstanceAsync();
        var message = new InboxRecord("evt-1", "EventRaised", "{\"name\":\"Approved\"}");
        Assert.True(await store.TryAppendInboxAsync(id, message));
        Assert.False(await store.TryAppendInboxAsync(id, message));
        Assert.False(await store.TryAppendInboxAsync(id, message with { Json = "{\"name\":\"Different\"}" }));
        var due = new InboxRecord("timer-9", "TimerFired", "{}", Start.AddDays(9));
        Assert.True(await store.TryAppendInboxAsync(id, due));

        var inbox = (await store.ReadInstanceAsync(id))!.Inbox;
        Assert.Equal(3, inbox.Count);
        Assert.Equal(message, inbox.Single(m => m.MessageId == "evt-1"));
        Assert.Equal(due, inbox.Single(m => m.MessageId == "timer-9"));
    }

    [Fact]
    public async Task Appending_to_the_inbox_does_not_change_the_status_row_etag()
    {
        // Senders append to an instance's inbox without racing its owner's step commit.
        var (store, id, etag) = await CreatedInstanceAsync();
        Assert.True(await store.TryAppendInboxAsync(id, new InboxRecord("evt-1", "EventRaised", "{}")));
        var basis = (await store.GetInstanceAsync(id))!;
        await store.CommitAsync(id, etag, new InstanceCommit { Record = Advance(basis, OrchestrationRuntimeStatus.Running, 0, Start), ConsumedInbox = ["evt-1"] });
        Assert.Equal([StartMessage(id).MessageId], (await store.ReadInstanceAsync(id))!.Inbox.Select(m => m.MessageId));
    }
}
