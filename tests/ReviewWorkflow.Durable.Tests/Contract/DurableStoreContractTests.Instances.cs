using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Tests.Contract;

public abstract partial class DurableStoreContractTests
{
    [Fact]
    public async Task Initialize_is_idempotent()
    {
        var store = await CreateStoreAsync(Time);
        await store.InitializeAsync();
        await store.InitializeAsync();
        Assert.Null(await store.GetInstanceAsync(UniqueId()));
    }

    [Fact]
    public async Task TryCreateInstance_creates_status_row_and_start_message_once()
    {
        var store = await CreateStoreAsync(Time);
        var id = UniqueId();
        Assert.True(await store.TryCreateInstanceAsync(NewRecord(id), StartMessage(id)));
        Assert.False(await store.TryCreateInstanceAsync(NewRecord(id, input: "{\"n\":2}"), StartMessage(id)));

        var snapshot = await store.ReadInstanceAsync(id);
        Assert.NotNull(snapshot);
        Assert.Equal(id, snapshot.Record.InstanceId);
        Assert.Equal("ReviewCycle", snapshot.Record.Name);
        Assert.Equal("1", snapshot.Record.Version);
        Assert.Equal("exec-1", snapshot.Record.ExecutionId);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, snapshot.Record.RuntimeStatus);
        Assert.Equal("{\"n\":1}", snapshot.Record.Input);
        Assert.Equal(Start, snapshot.Record.CreatedAt);
        Assert.False(string.IsNullOrEmpty(snapshot.Record.ETag));
        Assert.Empty(snapshot.History);
        Assert.Empty(snapshot.Outbox);
        var start = Assert.Single(snapshot.Inbox);
        Assert.Equal(StartMessage(id), start);
    }

    [Fact]
    public async Task Missing_instance_reads_as_null()
    {
        var store = await CreateStoreAsync(Time);
        Assert.Null(await store.GetInstanceAsync("no-such-instance"));
        Assert.Null(await store.ReadInstanceAsync("no-such-instance"));
        Assert.False(await store.PurgeInstanceAsync("no-such-instance"));
        Assert.False(await store.TryAppendInboxAsync("no-such-instance", new InboxRecord("m1", "EventRaised", "{}")));
    }

    [Fact]
    public async Task All_record_fields_round_trip()
    {
        var store = await CreateStoreAsync(Time);
        var id = UniqueId();
        var record = NewRecord(id) with
        {
            ScheduledStartAt = Start.AddDays(3),
            ParentInstanceId = "parent-1",
            NextWakeAt = Start.AddDays(3),
        };
        Assert.True(await store.TryCreateInstanceAsync(record, StartMessage(id) with { VisibleAt = Start.AddDays(3) }));
        var read = await store.GetInstanceAsync(id);
        Assert.Equal(record, read! with { ETag = null });

        var completed = record with
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Failed,
            Output = "\"done\"",
            CustomStatus = "{\"stage\":\"ratified\"}",
            FailureDetails = "{\"errorType\":\"System.InvalidOperationException\"}",
            CompletedAt = Start.AddDays(4),
            LastUpdatedAt = Start.AddDays(4),
            Generation = 3,
            HistoryCount = 2,
            StepCount = 7,
            NextWakeAt = null,
            HasPendingOutbox = true,
            ExecutionId = "exec-9",
        };
        await store.CommitAsync(id, read.ETag!, new InstanceCommit
        {
            Record = completed,
            AppendHistory = [History(0), History(1)],
            ConsumedInbox = [StartMessage(id).MessageId],
            AddOutbox = [new OutboxRecord("o1", OutboxKind.InstanceMessage, "parent-1", "{}")],
        });
        var after = await store.GetInstanceAsync(id);
        Assert.Equal(completed, after! with { ETag = null });
        var inbox = (await store.ReadInstanceAsync(id))!.Inbox;
        Assert.Empty(inbox);
    }

    [Fact]
    public async Task Instance_ids_with_awkward_characters_round_trip()
    {
        var store = await CreateStoreAsync(Time);
        foreach (var id in new[] { "a/b\\c#d?e^f", "review:2026/Q1 #3", "ünïcødé-名前", "'quoted' \"double\"", "tab\tand^0caret" })
        {
            Assert.True(await store.TryCreateInstanceAsync(NewRecord(id), StartMessage(id)), id);
            var snapshot = await store.ReadInstanceAsync(id);
            Assert.Equal(id, snapshot!.Record.InstanceId);
            Assert.Equal(StartMessage(id).MessageId, Assert.Single(snapshot.Inbox).MessageId);
            Assert.True(await store.TryAppendInboxAsync(id, new InboxRecord($"{id}/evt#1?", "EventRaised", "{}")), id);
            await store.SendWakeupAsync(id, TimeSpan.Zero);
            var lease = Assert.Single(await ReceiveExpectingAsync(store, WorkItemKind.Orchestration, 1, TimeSpan.FromMinutes(1)));
            Assert.Equal(id, WakeupInstanceId(lease.MessageText));
            await store.CompleteAsync(lease);
            Assert.True(await store.PurgeInstanceAsync(id), id);
        }
    }

    /// <summary>Wake-up message text is the instance id, or a small JSON object with an "instanceId" property.</summary>
    protected static string WakeupInstanceId(string messageText) =>
        messageText.StartsWith('{')
            ? System.Text.Json.JsonDocument.Parse(messageText).RootElement.EnumerateObject()
                .First(p => p.NameEquals("instanceId") || p.NameEquals("InstanceId")).Value.GetString()!
            : messageText;

    [Fact]
    public async Task Purge_removes_partition_and_index_row()
    {
        var (store, id, _) = await CreatedInstanceAsync(UniqueId("purge"));
        Assert.True(await store.PurgeInstanceAsync(id));
        Assert.Null(await store.GetInstanceAsync(id));
        Assert.Null(await store.ReadInstanceAsync(id));
        Assert.False(await store.PurgeInstanceAsync(id));
        var page = await store.QueryInstancesAsync(new InstanceFilter { InstanceIdPrefix = id }, 10, null);
        Assert.Empty(page.Instances);
        Assert.DoesNotContain(id, await store.FindInstancesNeedingAttentionAsync(Start.AddYears(1), 1000));

        // The id can be used again after a purge.
        Assert.True(await store.TryCreateInstanceAsync(NewRecord(id), StartMessage(id)));
        Assert.Empty((await store.ReadInstanceAsync(id))!.History);
    }
}
