using ReviewWorkflow.Durable.AzureStorage;
using ReviewWorkflow.Durable.AzureStorage.Internal;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Tests.AzureStorage;

/// <summary>The commit protocol on real Azurite: oversized commits, races between writers, deferred deletions, clean-up.</summary>
public sealed class CommitProtocolTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    private static InstanceRecord NewRecord(string id) => new()
    {
        InstanceId = id,
        Name = "ReviewCycle",
        ExecutionId = "exec-1",
        RuntimeStatus = OrchestrationRuntimeStatus.Pending,
        Input = "{\"cycle\":\"Corporate Parenting Strategy\"}",
        CreatedAt = Start,
        LastUpdatedAt = Start,
    };

    private static InboxRecord StartMessage(string id) => new($"{id}|exec-1|start", "ExecutionStarted", "{}");

    private static InstanceRecord Next(InstanceRecord basis, int historyCount, string? customStatus = null) =>
        basis with { RuntimeStatus = OrchestrationRuntimeStatus.Running, HistoryCount = historyCount, StepCount = basis.StepCount + 1, CustomStatus = customStatus, ETag = null };

    /// <summary>A commit too big for one entity-group transaction: ~3.6 MB of history plus 150 outbox records.</summary>
    private static InstanceCommit Oversized(InstanceRecord basis, int firstSequence, string writer, bool consumeStart) => new()
    {
        Record = Next(basis, firstSequence + 60, $"\"{writer}\""),
        AppendHistory = [.. Enumerable.Range(firstSequence, 60).Select(i => new HistoryRecord(i, "TaskScheduled", $"{{\"writer\":\"{writer}\",\"pad\":\"{new string('x', 60_000)}\"}}"))],
        AddOutbox = [.. Enumerable.Range(0, 150).Select(i => new OutboxRecord($"{writer}-act-{firstSequence}-{i}", OutboxKind.Activity, null, $"{{\"writer\":\"{writer}\"}}"))],
        ConsumedInbox = consumeStart ? [StartMessage(basis.InstanceId).MessageId] : [],
    };

    private static async Task<(string Hub, string Id, InstanceRecord Basis)> CreateAsync(AzureStorageDurableStore store, string hub)
    {
        var id = $"cycle/{Guid.NewGuid():N}";
        Assert.True(await store.TryCreateInstanceAsync(NewRecord(id), StartMessage(id)));
        return (hub, id, (await store.ReadInstanceAsync(id))!.Record);
    }

    [Fact]
    public async Task Oversized_commits_racing_on_one_basis_one_wins_and_the_losers_rows_never_show()
    {
        var hub = AzureStores.UniqueHub();
        var a = await AzureStores.CreateAsync(hub);
        var b = await AzureStores.CreateAsync(hub);
        var (_, id, basis) = await CreateAsync(a, hub);
        Assert.Equal(basis.ETag, (await b.ReadInstanceAsync(id))!.Record.ETag);

        async Task<string?> Attempt(AzureStorageDurableStore store, string writer)
        {
            await Task.Yield();
            try
            {
                await store.CommitAsync(id, basis.ETag!, Oversized(basis, 0, writer, consumeStart: true));
                return writer;
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        }

        var results = await Task.WhenAll(Attempt(a, "writer-a"), Attempt(b, "writer-b"));
        var winner = Assert.Single(results, r => r is not null)!;

        var fresh = await AzureStores.CreateAsync(hub);
        var snapshot = (await fresh.ReadInstanceAsync(id))!;
        Assert.Equal($"\"{winner}\"", snapshot.Record.CustomStatus);
        Assert.Equal(60, snapshot.History.Count);
        Assert.All(snapshot.History, h => Assert.Contains($"\"writer\":\"{winner}\"", h.Json, StringComparison.Ordinal));
        Assert.Equal(150, snapshot.Outbox.Count);
        Assert.All(snapshot.Outbox, o => Assert.StartsWith(winner, o.MessageId, StringComparison.Ordinal));
        Assert.Empty(snapshot.Inbox);

        // The next commit collects the loser's orphans: only the winner's tag (if any) remains on tagged rows.
        await fresh.CommitAsync(id, snapshot.Record.ETag!, new InstanceCommit
        {
            Record = Next(snapshot.Record, 61),
            AppendHistory = [new HistoryRecord(60, "TaskCompleted", "{}")],
        });
        var raw = await AzureStores.RawPartitionAsync(hub, KeySanitizer.PartitionKey(id));
        Assert.True(raw.Select(r => r.GetString("Tag")).OfType<string>().Distinct().Count() <= 1, "orphan rows of the losing writer were not collected");
        var after = (await (await AzureStores.CreateAsync(hub)).ReadInstanceAsync(id))!;
        Assert.Equal(61, after.History.Count);
        Assert.Equal(150, after.Outbox.Count);
    }

    [Fact]
    public async Task A_stale_writer_cannot_overwrite_rows_committed_by_the_winner()
    {
        var hub = AzureStores.UniqueHub();
        var winner = await AzureStores.CreateAsync(hub);
        var stale = await AzureStores.CreateAsync(hub);
        var (_, id, basis) = await CreateAsync(winner, hub);
        await stale.ReadInstanceAsync(id);

        await winner.CommitAsync(id, basis.ETag!, Oversized(basis, 0, "winner", consumeStart: true));

        // The stale writer writes its ahead-rows for the same sequence numbers, then loses at the anchor.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale.CommitAsync(id, basis.ETag!, Oversized(basis, 0, "stale", consumeStart: true)));

        var snapshot = (await (await AzureStores.CreateAsync(hub)).ReadInstanceAsync(id))!;
        Assert.All(snapshot.History, h => Assert.Contains("\"writer\":\"winner\"", h.Json, StringComparison.Ordinal));
        Assert.All(snapshot.Outbox, o => Assert.StartsWith("winner", o.MessageId, StringComparison.Ordinal));
        Assert.Equal("\"winner\"", snapshot.Record.CustomStatus);
    }

    [Fact]
    public async Task Oversized_commits_interleave_with_normal_commits_and_ContinueAsNew()
    {
        var hub = AzureStores.UniqueHub();
        var store = await AzureStores.CreateAsync(hub);
        var (_, id, basis) = await CreateAsync(store, hub);
        var etag = await store.CommitAsync(id, basis.ETag!, Oversized(basis, 0, "one", consumeStart: true));
        var s1 = (await store.ReadInstanceAsync(id))!;
        etag = await store.CommitAsync(id, etag, new InstanceCommit
        {
            Record = Next(s1.Record, 61),
            AppendHistory = [new HistoryRecord(60, "TaskCompleted", "{\"n\":60}")],
            RemoveOutbox = [.. s1.Outbox.Take(100).Select(o => o.MessageId)],
        });
        var s2 = (await store.ReadInstanceAsync(id))!;
        etag = await store.CommitAsync(id, etag, Oversized(s2.Record, 61, "two", consumeStart: false) with { RemoveOutbox = [.. s2.Outbox.Select(o => o.MessageId)] });

        var fresh = (await (await AzureStores.CreateAsync(hub)).ReadInstanceAsync(id))!;
        Assert.Equal(Enumerable.Range(0, 121), fresh.History.Select(h => h.Sequence));
        Assert.Equal("{\"n\":60}", fresh.History[60].Json);
        Assert.Equal(150, fresh.Outbox.Count);
        Assert.All(fresh.Outbox, o => Assert.StartsWith("two", o.MessageId, StringComparison.Ordinal));

        // ContinueAsNew over tagged history: the new generation sees only its own records, and old rows are collected.
        etag = await store.CommitAsync(id, etag, new InstanceCommit
        {
            Record = Next(fresh.Record, 2) with { Generation = 1, ExecutionId = "exec-2" },
            ReplaceHistory = true,
            AppendHistory = [new HistoryRecord(0, "OrchestratorStarted", "{}"), new HistoryRecord(1, "ExecutionStarted", "{\"gen\":1}")],
            RemoveOutbox = [.. fresh.Outbox.Select(o => o.MessageId)],
        });
        var continued = (await store.ReadInstanceAsync(id))!;
        await store.CommitAsync(id, etag, new InstanceCommit { Record = Next(continued.Record, 3), AppendHistory = [new HistoryRecord(2, "TaskScheduled", "{}")] });

        var last = (await (await AzureStores.CreateAsync(hub)).ReadInstanceAsync(id))!;
        Assert.Equal(["{}", "{\"gen\":1}", "{}"], last.History.Select(h => h.Json));
        Assert.Empty(last.Outbox);
        var raw = await AzureStores.RawPartitionAsync(hub, KeySanitizer.PartitionKey(id));
        Assert.True(raw.Count < 10, $"old rows were not collected: {string.Join(", ", raw.Select(r => r.RowKey))}");
    }

    [Fact]
    public async Task Fan_in_consuming_250_inbox_messages_in_one_step_hides_and_deletes_them_all()
    {
        var hub = AzureStores.UniqueHub();
        var store = await AzureStores.CreateAsync(hub);
        var (_, id, _) = await CreateAsync(store, hub);
        var ids = Enumerable.Range(0, 250).Select(i => $"{id}|exec-1|task|{i}|result").ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (m, ct) =>
            Assert.True(await store.TryAppendInboxAsync(id, new InboxRecord(m, "TaskCompleted", "{\"result\":\"ok\"}"), ct)));

        var snapshot = (await store.ReadInstanceAsync(id))!;
        Assert.Equal(251, snapshot.Inbox.Count);
        await store.CommitAsync(id, snapshot.Record.ETag!, new InstanceCommit
        {
            Record = Next(snapshot.Record, 251),
            AppendHistory = [.. Enumerable.Range(0, 251).Select(i => new HistoryRecord(i, "TaskCompleted", "{}"))],
            ConsumedInbox = [.. snapshot.Inbox.Select(m => m.MessageId)],
        });

        var fresh = await AzureStores.CreateAsync(hub);
        var after = (await fresh.ReadInstanceAsync(id))!;
        Assert.Empty(after.Inbox);
        Assert.Equal(251, after.History.Count);
        var raw = await AzureStores.RawPartitionAsync(hub, KeySanitizer.PartitionKey(id));
        Assert.DoesNotContain(raw, r => r.RowKey.StartsWith('i'));

        // A late duplicate of a consumed message is accepted by the store (its row is gone) and is the engine's to dedupe;
        // a new message still arrives normally.
        Assert.True(await fresh.TryAppendInboxAsync(id, new InboxRecord("late-event", "EventRaised", "{}")));
        Assert.Equal(["late-event"], (await fresh.ReadInstanceAsync(id))!.Inbox.Select(m => m.MessageId));
    }

    [Fact]
    public async Task Commit_without_a_prior_read_in_this_process_reads_the_partition_itself()
    {
        var hub = AzureStores.UniqueHub();
        var creator = await AzureStores.CreateAsync(hub);
        var (_, id, basis) = await CreateAsync(creator, hub);
        var other = await AzureStores.CreateAsync(hub);
        var etag = await other.CommitAsync(id, basis.ETag!, new InstanceCommit
        {
            Record = Next(basis, 1),
            AppendHistory = [new HistoryRecord(0, "ExecutionStarted", "{}")],
            ConsumedInbox = [StartMessage(id).MessageId],
        });
        Assert.Equal(etag, (await creator.GetInstanceAsync(id))!.ETag);

        // The creator's cached state is stale now: its commit on the old ETag must conflict, not succeed.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => creator.CommitAsync(id, basis.ETag!, new InstanceCommit { Record = Next(basis, 0) }));
    }
}
