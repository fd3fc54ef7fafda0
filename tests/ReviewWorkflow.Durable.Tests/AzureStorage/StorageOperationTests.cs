using ReviewWorkflow.Durable.AzureStorage;
using ReviewWorkflow.Durable.AzureStorage.Internal;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Durable.Tests.AzureStorage;

/// <summary>How many storage requests each store operation costs (counted at the HTTP pipeline), and the index, purge and
/// queue details that the contract suite does not see.</summary>
public sealed class StorageOperationTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    private static InstanceRecord NewRecord(string id, string? input = "{}") => new()
    {
        InstanceId = id,
        Name = "ReviewCycle",
        ExecutionId = "exec-1",
        RuntimeStatus = OrchestrationRuntimeStatus.Pending,
        Input = input,
        CreatedAt = Start,
        LastUpdatedAt = Start,
    };

    [Fact]
    public async Task A_step_costs_one_partition_read_and_one_transaction()
    {
        var counter = new RequestCounter();
        var hub = AzureStores.UniqueHub();
        var store = await AzureStores.CreateAsync(hub, counter: counter);
        var id = $"ops-{Guid.NewGuid():N}";

        counter.Reset();
        Assert.True(await store.TryCreateInstanceAsync(NewRecord(id), new InboxRecord("start", "ExecutionStarted", "{}")));
        Assert.Equal(2, counter.Count); // the transaction and the index row

        counter.Reset();
        var snapshot = (await store.ReadInstanceAsync(id))!;
        Assert.Equal(1, counter.Count);

        counter.Reset();
        var etag = await store.CommitAsync(id, snapshot.Record.ETag!, new InstanceCommit
        {
            Record = snapshot.Record with { RuntimeStatus = OrchestrationRuntimeStatus.Running, HistoryCount = 2, HasPendingOutbox = true, ETag = null },
            AppendHistory = [new HistoryRecord(0, "ExecutionStarted", "{}"), new HistoryRecord(1, "TaskScheduled", "{}")],
            ConsumedInbox = ["start"],
            AddOutbox = [new OutboxRecord("act-1", OutboxKind.Activity, null, "{}")],
        });
        Assert.Equal(2, counter.Count); // the transaction, and the index because the status changed

        counter.Reset();
        Assert.True(await store.TryAppendInboxAsync(id, new InboxRecord("act-1-result", "TaskCompleted", "{}")));
        Assert.Equal(1, counter.Count); // the instance is known to exist: no point read

        counter.Reset();
        snapshot = (await store.ReadInstanceAsync(id))!;
        etag = await store.CommitAsync(id, etag, new InstanceCommit
        {
            Record = snapshot.Record with { HistoryCount = 4, LastUpdatedAt = Start.AddSeconds(1), ETag = null },
            AppendHistory = [new HistoryRecord(2, "TaskCompleted", "{}"), new HistoryRecord(3, "TaskScheduled", "{}")],
            ConsumedInbox = ["act-1-result"],
            RemoveOutbox = ["act-1"],
            AddOutbox = [new OutboxRecord("act-2", OutboxKind.Activity, null, "{}")],
        });
        Assert.Equal(2, counter.Count); // one read + one transaction: no indexed field changed
        Assert.False(string.IsNullOrEmpty(etag));

        counter.Reset();
        Assert.NotNull(await store.GetInstanceAsync(id));
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task Pending_outbox_flag_toggling_every_step_costs_no_index_writes_and_the_sweep_repairs_it()
    {
        var counter = new RequestCounter();
        var hub = AzureStores.UniqueHub();
        var store = await AzureStores.CreateAsync(hub, counter: counter);
        var id = $"toggle-{Guid.NewGuid():N}";
        Assert.True(await store.TryCreateInstanceAsync(NewRecord(id), new InboxRecord("start", "ExecutionStarted", "{}")));
        var record = (await store.ReadInstanceAsync(id))!.Record;
        var etag = record.ETag!;
        for (var step = 0; step < 3; step++)
        {
            // The engine's pattern: commit with pending outbox, dispatch, commit the removal.
            etag = await store.CommitAsync(id, etag, new InstanceCommit
            {
                Record = record with { RuntimeStatus = OrchestrationRuntimeStatus.Running, HasPendingOutbox = true, ETag = null },
                AddOutbox = [new OutboxRecord($"act-{step}", OutboxKind.Activity, null, "{}")],
                ConsumedInbox = step == 0 ? ["start"] : [],
            });
            counter.Reset();
            etag = await store.CommitAsync(id, etag, new InstanceCommit
            {
                Record = record with { RuntimeStatus = OrchestrationRuntimeStatus.Running, HasPendingOutbox = false, ETag = null },
                RemoveOutbox = [$"act-{step}"],
            });
            Assert.Equal(1, counter.Count);
        }

        // The index still says "pending outbox"; the sweep checks the status row, does not report it, and repairs the index.
        Assert.DoesNotContain(id, await store.FindInstancesNeedingAttentionAsync(Start.AddYears(1), 100));
        var index = new TableServiceClient(ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync())).GetTableClient(hub + "Index");
        Assert.False((await index.GetEntityAsync(KeySanitizer.PartitionKey(id), "i"))!.GetBoolean("HasPendingOutbox"));

        // A fresh store (no memory of the index) still raises the flag when it is set again.
        var other = await AzureStores.CreateAsync(hub);
        var current = (await other.ReadInstanceAsync(id))!.Record;
        await other.CommitAsync(id, current.ETag!, new InstanceCommit
        {
            Record = current with { HasPendingOutbox = true, ETag = null },
            AddOutbox = [new OutboxRecord("act-9", OutboxKind.Activity, null, "{}")],
        });
        Assert.Contains(id, await other.FindInstancesNeedingAttentionAsync(Start, 100));
    }

    [Fact]
    public async Task An_unchanged_large_input_is_not_rewritten_by_later_steps()
    {
        var counter = new RequestCounter();
        var hub = AzureStores.UniqueHub();
        var store = await AzureStores.CreateAsync(hub, counter: counter);
        var id = $"big-{Guid.NewGuid():N}";
        var input = "{\"text\":\"" + new string('q', 1024 * 1024) + "\"}";
        Assert.True(await store.TryCreateInstanceAsync(NewRecord(id, input), new InboxRecord("start", "ExecutionStarted", "{}")));
        var snapshot = (await store.ReadInstanceAsync(id))!;
        var chunkRowsBefore = (await AzureStores.RawPartitionAsync(hub, KeySanitizer.PartitionKey(id))).Count(r => r.RowKey.StartsWith("p-", StringComparison.Ordinal));
        Assert.True(chunkRowsBefore > 1);

        await store.CommitAsync(id, snapshot.Record.ETag!, new InstanceCommit
        {
            Record = snapshot.Record with { RuntimeStatus = OrchestrationRuntimeStatus.Running, ETag = null },
            ConsumedInbox = ["start"],
        });

        var raw = await AzureStores.RawPartitionAsync(hub, KeySanitizer.PartitionKey(id));
        Assert.Equal(chunkRowsBefore, raw.Count(r => r.RowKey.StartsWith("p-", StringComparison.Ordinal)));
        Assert.Equal(input, (await (await AzureStores.CreateAsync(hub)).GetInstanceAsync(id))!.Input);
    }

    [Fact]
    public async Task Purge_removes_every_row_including_chunk_rows()
    {
        var hub = AzureStores.UniqueHub();
        var store = await AzureStores.CreateAsync(hub);
        var id = $"purge/{Guid.NewGuid():N}";
        Assert.True(await store.TryCreateInstanceAsync(NewRecord(id, new string('p', 700_000)), new InboxRecord("start", "ExecutionStarted", new string('s', 300_000))));
        Assert.True(await store.TryAppendInboxAsync(id, new InboxRecord("evt", "EventRaised", new string('e', 600_000))));
        Assert.NotEmpty(await AzureStores.RawPartitionAsync(hub, KeySanitizer.PartitionKey(id)));

        Assert.True(await store.PurgeInstanceAsync(id));
        Assert.Empty(await AzureStores.RawPartitionAsync(hub, KeySanitizer.PartitionKey(id)));
        Assert.Empty((await store.QueryInstancesAsync(new InstanceFilter { InstanceIdPrefix = id }, 10, null)).Instances);
    }

    [Fact]
    public async Task Repair_restores_a_lost_index_row_and_removes_a_stale_one()
    {
        var hub = AzureStores.UniqueHub();
        var store = await AzureStores.CreateAsync(hub);
        var id = $"repair-{Guid.NewGuid():N}";
        Assert.True(await store.TryCreateInstanceAsync(NewRecord(id), new InboxRecord("start", "ExecutionStarted", "{}")));
        var index = new TableServiceClient(ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync())).GetTableClient(hub + "Index");
        await index.DeleteEntityAsync(KeySanitizer.PartitionKey(id), "i");
        await index.UpsertEntityAsync(new TableEntity("ghost", "i") { ["InstanceId"] = "ghost", ["RuntimeStatus"] = 0 });
        Assert.Empty((await store.QueryInstancesAsync(new InstanceFilter { InstanceIdPrefix = id }, 10, null)).Instances);

        Assert.Equal(2, await store.RepairIndexAsync());
        Assert.Equal(id, Assert.Single((await store.QueryInstancesAsync(new InstanceFilter { InstanceIdPrefix = id }, 10, null)).Instances).InstanceId);
        Assert.Null(await index.GetEntityAsync("ghost", "i"));
        Assert.Equal(0, await store.RepairIndexAsync());
    }

    [Fact]
    public async Task Wakeups_longer_than_the_queue_limit_are_capped_not_rejected()
    {
        var store = await AzureStores.CreateAsync();
        await store.SendWakeupAsync("cycle-1", TimeSpan.FromDays(30));
        Assert.Equal(1, await store.GetBacklogAsync(WorkItemKind.Orchestration));
        Assert.Empty(await store.ReceiveAsync(WorkItemKind.Orchestration, 32, TimeSpan.FromMinutes(1)));
        Assert.True(AzureStorageDurableStore.MaxWakeupDelay < TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task Completing_an_offloaded_activity_deletes_its_payload()
    {
        var hub = AzureStores.UniqueHub();
        var store = await AzureStores.CreateAsync(hub);
        var json = "{\"name\":\"SendReminder\",\"input\":\"" + new string('r', 200 * 1024) + "\"}";
        await store.SendActivityAsync(json);
        WorkItemLease? lease = null;
        for (var i = 0; i < 20 && lease is null; i++)
        {
            lease = (await store.ReceiveAsync(WorkItemKind.Activity, 1, TimeSpan.FromMinutes(1))).SingleOrDefault();
        }

        Assert.NotNull(lease);
        Assert.Equal(json, lease.MessageText);
        var payloads = new TableServiceClient(ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync())).GetTableClient(hub + "Payloads");
        Assert.NotEmpty(await payloads.QueryAsync().ToListAsync());

        await store.CompleteAsync(lease);
        Assert.Empty(await payloads.QueryAsync().ToListAsync());
        Assert.Equal(0, await store.GetBacklogAsync(WorkItemKind.Activity));
    }
}
