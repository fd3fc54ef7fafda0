using ReviewWorkflow.Durable.AzureStorage;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Durable.Tests.AzureStorage;

/// <summary>
/// An activity work item too large for a queue message, received as the Functions host receives it — straight from the
/// queue, so the text is the store's reference to its payload table — and resolved through
/// <see cref="IDurableStore.ResolveReceivedAsync"/>.
/// </summary>
public sealed class OffloadedWorkItemTests
{
    private const string PayloadReferencePrefix = "@rw-payload:";

    [Fact]
    public async Task A_100_KB_activity_received_from_the_raw_queue_resolves_to_its_JSON_and_completing_it_deletes_the_payload()
    {
        var hub = AzureStores.UniqueHub();
        var store = await AzureStores.CreateAsync(hub);
        var json = ActivityJson(100 * 1024);
        await store.SendActivityAsync(json);
        var raw = await ReceiveRawAsync(hub);
        Assert.StartsWith(PayloadReferencePrefix, raw.MessageText, StringComparison.Ordinal);
        Assert.NotEmpty(await PayloadRowsAsync(hub));

        var lease = await store.ResolveReceivedAsync(WorkItemKind.Activity, raw.MessageId, raw.PopReceipt, raw.MessageText, raw.DequeueCount);

        Assert.NotNull(lease);
        Assert.Equal(json, lease.MessageText);
        Assert.Equal(raw.MessageId, lease.MessageId);
        Assert.Equal(raw.DequeueCount, lease.DequeueCount);
        Assert.NotEqual(raw.PopReceipt, lease.Receipt); // it names the payload too, so the caller settles through the store
        await store.CompleteAsync(lease);
        Assert.Empty(await PayloadRowsAsync(hub));
        Assert.Equal(0, await store.GetBacklogAsync(WorkItemKind.Activity));
    }

    [Fact]
    public async Task An_offloaded_activity_set_aside_keeps_its_full_JSON_in_the_poison_record()
    {
        var hub = AzureStores.UniqueHub();
        var store = await AzureStores.CreateAsync(hub);
        var json = ActivityJson(100 * 1024);
        await store.SendActivityAsync(json);
        var raw = await ReceiveRawAsync(hub);
        var lease = await store.ResolveReceivedAsync(WorkItemKind.Activity, raw.MessageId, raw.PopReceipt, raw.MessageText, raw.DequeueCount);

        await store.SetAsidePoisonAsync(lease!, "failed five times");

        var poison = Assert.Single(await store.GetPoisonAsync(10));
        Assert.Equal(json, poison.MessageText);
        Assert.Equal("failed five times", poison.Reason);
        Assert.Equal(0, await store.GetBacklogAsync(WorkItemKind.Activity));
    }

    [Fact]
    public async Task A_reference_to_a_payload_that_no_longer_exists_resolves_to_null()
    {
        var store = await AzureStores.CreateAsync();

        var lease = await store.ResolveReceivedAsync(WorkItemKind.Activity, "message-1", "receipt-1", PayloadReferencePrefix + Guid.NewGuid().ToString("N"), 1);

        Assert.Null(lease);
    }

    [Fact]
    public async Task An_inline_message_resolves_unchanged_without_reading_the_payload_table()
    {
        var counter = new RequestCounter();
        var store = await AzureStores.CreateAsync(counter: counter);
        counter.Reset();

        var lease = await store.ResolveReceivedAsync(WorkItemKind.Orchestration, "message-2", "receipt-2", "some-instance", 3);

        Assert.Equal(new WorkItemLease(WorkItemKind.Orchestration, "message-2", "receipt-2", "some-instance", 3), lease);
        Assert.Equal(0, counter.Count);
    }

    private static string ActivityJson(int inputChars) =>
        "{\"instanceId\":\"big-1\",\"executionId\":\"e1\",\"taskId\":0,\"name\":\"SayHello\",\"input\":\"\\\"" + new string('x', inputChars) + "\\\"\"}";

    private static async Task<QueueMessage> ReceiveRawAsync(string hub)
    {
        var queue = new QueueServiceClient(ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync())).GetQueueClient(hub + "-workitems");
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if ((await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1))).SingleOrDefault() is { } message)
            {
                return message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        Assert.Fail($"No message on {hub}-workitems.");
        return null!;
    }

    private static async Task<List<TableEntity>> PayloadRowsAsync(string hub)
    {
        var rows = new List<TableEntity>();
        await foreach (var e in new TableServiceClient(ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync())).GetTableClient(hub + "Payloads").QueryAsync())
        {
            rows.Add(e);
        }

        return rows;
    }
}
