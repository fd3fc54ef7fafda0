using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Tests.Contract;

public abstract partial class DurableStoreContractTests
{
    private async Task<(IDurableStore Store, string Prefix)> SeededStoreAsync()
    {
        var store = await CreateStoreAsync(Time);
        var prefix = $"q{Guid.NewGuid():N}"[..12];
        var statuses = new[]
        {
            OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed,
            OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Terminated, OrchestrationRuntimeStatus.Pending,
            OrchestrationRuntimeStatus.Suspended,
        };
        for (var i = 0; i < statuses.Length; i++)
        {
            var id = $"{prefix}-{i}";
            Assert.True(await store.TryCreateInstanceAsync(NewRecord(id, createdAt: Start.AddDays(i)), StartMessage(id)));
            if (statuses[i] != OrchestrationRuntimeStatus.Pending)
            {
                var r = (await store.GetInstanceAsync(id))!;
                await store.CommitAsync(id, r.ETag!, new InstanceCommit { Record = Advance(r, statuses[i], 0, Start.AddDays(i)), ConsumedInbox = [StartMessage(id).MessageId] });
            }
        }

        Assert.True(await store.TryCreateInstanceAsync(NewRecord($"other{prefix}-x"), StartMessage("x")));
        return (store, prefix);
    }

    private static async Task<List<InstanceRecord>> AllPagesAsync(IDurableStore store, InstanceFilter filter, int pageSize)
    {
        var all = new List<InstanceRecord>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.QueryInstancesAsync(filter, pageSize, token);
            Assert.True(page.Instances.Count <= pageSize);
            all.AddRange(page.Instances);
            token = page.ContinuationToken;
            Assert.True(++pages < 100, "paging does not terminate");
        }
        while (token is not null);
        return all;
    }

    [Fact]
    public async Task Query_by_prefix_pages_through_every_match_once()
    {
        var (store, prefix) = await SeededStoreAsync();
        var all = await AllPagesAsync(store, new InstanceFilter { InstanceIdPrefix = prefix }, pageSize: 2);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"{prefix}-{i}").Order(StringComparer.Ordinal), all.Select(r => r.InstanceId).Order(StringComparer.Ordinal));
        Assert.All(all, r => Assert.False(string.IsNullOrEmpty(r.ETag)));
    }

    [Fact]
    public async Task Query_by_status()
    {
        var (store, prefix) = await SeededStoreAsync();
        var running = await AllPagesAsync(store, new InstanceFilter { InstanceIdPrefix = prefix, Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended] }, 10);
        Assert.Equal([$"{prefix}-0", $"{prefix}-3", $"{prefix}-6"], running.Select(r => r.InstanceId).Order(StringComparer.Ordinal));
        var terminal = await AllPagesAsync(store, new InstanceFilter { InstanceIdPrefix = prefix, Statuses = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated] }, 1);
        Assert.Equal([OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated], terminal.OrderBy(r => r.InstanceId, StringComparer.Ordinal).Select(r => r.RuntimeStatus));
    }

    [Fact]
    public async Task Query_by_created_time_is_inclusive()
    {
        var (store, prefix) = await SeededStoreAsync();
        var middle = await AllPagesAsync(store, new InstanceFilter { InstanceIdPrefix = prefix, CreatedFrom = Start.AddDays(2), CreatedTo = Start.AddDays(4) }, 2);
        Assert.Equal([$"{prefix}-2", $"{prefix}-3", $"{prefix}-4"], middle.Select(r => r.InstanceId).Order(StringComparer.Ordinal));
        var combined = await AllPagesAsync(store, new InstanceFilter { InstanceIdPrefix = prefix, CreatedFrom = Start.AddDays(1), Statuses = [OrchestrationRuntimeStatus.Running] }, 2);
        Assert.Equal($"{prefix}-3", Assert.Single(combined).InstanceId);
    }

    [Fact]
    public async Task Query_without_filter_includes_everything()
    {
        var (store, prefix) = await SeededStoreAsync();
        var all = await AllPagesAsync(store, new InstanceFilter(), 3);
        Assert.Equal(8, all.Count(r => r.InstanceId.Contains(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Query_sees_committed_status_changes()
    {
        var (store, id, etag) = await CreatedInstanceAsync(UniqueId("idx"));
        var r = (await store.GetInstanceAsync(id))!;
        await store.CommitAsync(id, etag, new InstanceCommit { Record = Advance(r, OrchestrationRuntimeStatus.Completed, 0, Start) with { Output = "\"ok\"" } });
        var page = await store.QueryInstancesAsync(new InstanceFilter { InstanceIdPrefix = id, Statuses = [OrchestrationRuntimeStatus.Completed] }, 10, null);
        Assert.Equal("\"ok\"", Assert.Single(page.Instances).Output);
        var stale = await store.QueryInstancesAsync(new InstanceFilter { InstanceIdPrefix = id, Statuses = [OrchestrationRuntimeStatus.Pending] }, 10, null);
        Assert.Empty(stale.Instances);
    }

    [Fact]
    public async Task FindInstancesNeedingAttention_finds_due_timers_pending_outbox_and_unconsumed_inbox()
    {
        var store = await CreateStoreAsync(Time);
        var p = $"att{Guid.NewGuid():N}"[..12];

        async Task<string> Make(string suffix, Func<InstanceRecord, InstanceRecord> change, bool consumeStart)
        {
            var id = $"{p}-{suffix}";
            Assert.True(await store.TryCreateInstanceAsync(NewRecord(id), StartMessage(id)));
            var r = (await store.GetInstanceAsync(id))!;
            await store.CommitAsync(id, r.ETag!, new InstanceCommit
            {
                Record = change(Advance(r, OrchestrationRuntimeStatus.Running, 0, Start)),
                ConsumedInbox = consumeStart ? [StartMessage(id).MessageId] : [],
            });
            return id;
        }

        var dueTimer = await Make("due", r => r with { NextWakeAt = Start.AddDays(1) }, consumeStart: true);
        var laterTimer = await Make("later", r => r with { NextWakeAt = Start.AddDays(30) }, consumeStart: true);
        var outbox = await Make("outbox", r => r with { HasPendingOutbox = true }, consumeStart: true);
        var inbox = await Make("inbox", r => r, consumeStart: false);
        var idle = await Make("idle", r => r, consumeStart: true);
        var completed = await Make("done", r => r with { RuntimeStatus = OrchestrationRuntimeStatus.Completed }, consumeStart: true);
        var pendingNew = $"{p}-new";
        Assert.True(await store.TryCreateInstanceAsync(NewRecord(pendingNew), StartMessage(pendingNew)));
        var scheduled = $"{p}-scheduled";
        Assert.True(await store.TryCreateInstanceAsync(NewRecord(scheduled) with { ScheduledStartAt = Start.AddDays(20), NextWakeAt = Start.AddDays(20) }, StartMessage(scheduled) with { VisibleAt = Start.AddDays(20) }));

        var found = (await store.FindInstancesNeedingAttentionAsync(Start.AddDays(1), 1000)).Where(i => i.StartsWith(p, StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { dueTimer, outbox, inbox, pendingNew }.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(laterTimer, found);
        Assert.DoesNotContain(idle, found);
        Assert.DoesNotContain(completed, found);
        Assert.DoesNotContain(scheduled, found);

        var later = await store.FindInstancesNeedingAttentionAsync(Start.AddDays(31), 1000);
        Assert.Contains(laterTimer, later);
        Assert.Contains(scheduled, later);

        var limited = await store.FindInstancesNeedingAttentionAsync(Start.AddDays(31), 2);
        Assert.True(limited.Count <= 2);
    }
}
