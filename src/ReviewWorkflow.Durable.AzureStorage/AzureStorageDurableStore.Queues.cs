using System.Text;
using ReviewWorkflow.Durable.AzureStorage.Internal;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Durable.AzureStorage;

/// <summary>
/// Work queues: <c>{hub}-control</c> (wake-ups; text = instance id) and <c>{hub}-workitems</c> (activity JSON). Messages
/// never expire (TTL -1: a finite TTL once left DTFx orchestrations stuck, Azure/durabletask#660). Activity JSON above
/// <see cref="AzureStorageDurableOptions.MaxInlineMessageBytes"/> goes to <c>{hub}Payloads</c> and the message carries a
/// reference; receivers get the original text back. Poison work items are kept in <c>{hub}Poison</c>.
/// </summary>
public sealed partial class AzureStorageDurableStore
{
    /// <summary>Marks an offloaded activity message; engine messages are JSON and never start with '@'.</summary>
    private const string PayloadReferencePrefix = "@rw-payload:";

    /// <summary>Separates the pop receipt from the payload content id inside a lease's opaque receipt.</summary>
    private const char ReceiptSeparator = '|';

    /// <summary>Wake-ups are capped a little below the queue's 7-day visibility limit (the engine re-arms longer timers).</summary>
    public static readonly TimeSpan MaxWakeupDelay = QueueClient.MaxVisibilityDelay - TimeSpan.FromMinutes(5);

    public async Task SendWakeupAsync(string instanceId, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var visibility = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxWakeupDelay ? MaxWakeupDelay : delay;
        await _control.SendMessageAsync(instanceId, visibility, timeToLive: null, cancellationToken).ConfigureAwait(false);
    }

    public async Task SendActivityAsync(string activityJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activityJson);
        var (text, _) = await ActivityMessageTextAsync(activityJson, cancellationToken).ConfigureAwait(false);
        await _workItems.SendMessageAsync(text, TimeSpan.Zero, timeToLive: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the activity message invisible for the lease; the send receipt's pop receipt is the lease's.</summary>
    public async Task<WorkItemLease?> SendActivityLeasedAsync(string activityJson, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activityJson);
        var lease = leaseDuration < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : leaseDuration > QueueClient.MaxVisibilityDelay ? QueueClient.MaxVisibilityDelay : leaseDuration;
        var (text, contentId) = await ActivityMessageTextAsync(activityJson, cancellationToken).ConfigureAwait(false);
        var receipt = await _workItems.SendMessageAsync(text, lease, timeToLive: null, cancellationToken).ConfigureAwait(false);
        var popReceipt = contentId is null ? receipt.PopReceipt : receipt.PopReceipt + ReceiptSeparator + contentId;
        return new WorkItemLease(WorkItemKind.Activity, receipt.MessageId, popReceipt, activityJson, 1);
    }

    /// <summary>The queue text of an activity: the JSON itself, or a reference to it in the payloads table when it is too large.</summary>
    private async Task<(string Text, string? ContentId)> ActivityMessageTextAsync(string activityJson, CancellationToken cancellationToken)
    {
        if (Encoding.UTF8.GetByteCount(activityJson) <= _options.MaxInlineMessageBytes && !activityJson.StartsWith(PayloadReferencePrefix, StringComparison.Ordinal))
        {
            return (activityJson, null);
        }

        var contentId = Guid.NewGuid().ToString("N");
        var chunks = new List<TableEntity>();
        var holder = new TableEntity(contentId, "head");
        Payloads.Write(holder, "Text", activityJson, 0, (chunkId, i) => new TableEntity(contentId, RowLayout.Chunk(chunkId, i)), chunks);
        foreach (var batch in Batches(chunks.Append(holder).Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))))
        {
            await _payloads.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        return (PayloadReferencePrefix + contentId, contentId);
    }

    public async Task<IReadOnlyList<WorkItemLease>> ReceiveAsync(WorkItemKind kind, int maxMessages, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        var lease = leaseDuration < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : leaseDuration > QueueClient.MaxVisibilityDelay ? QueueClient.MaxVisibilityDelay : leaseDuration;
        var messages = await Queue(kind).ReceiveMessagesAsync(Math.Clamp(maxMessages, 1, 32), lease, cancellationToken).ConfigureAwait(false);
        var leases = new List<WorkItemLease>(messages.Count);
        foreach (var m in messages)
        {
            if (await ResolveReceivedAsync(kind, m.MessageId, m.PopReceipt, m.MessageText, m.DequeueCount, cancellationToken).ConfigureAwait(false) is { } resolved)
            {
                leases.Add(resolved);
            }
            else
            {
                // Never silently dropped: without its payload the work item cannot run, so it is set aside for a person.
                await SetAsideMissingPayloadAsync(new WorkItemLease(kind, m.MessageId, m.PopReceipt, m.MessageText, m.DequeueCount), cancellationToken).ConfigureAwait(false);
            }
        }

        return leases;
    }

    /// <summary>Reads an offloaded payload back; the lease's receipt also names the payload, so completing or setting the
    /// work item aside deals with it. Inline messages come back as they are.</summary>
    public async Task<WorkItemLease?> ResolveReceivedAsync(WorkItemKind kind, string messageId, string popReceipt, string messageText, long dequeueCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(popReceipt);
        ArgumentNullException.ThrowIfNull(messageText);
        if (!messageText.StartsWith(PayloadReferencePrefix, StringComparison.Ordinal))
        {
            return new WorkItemLease(kind, messageId, popReceipt, messageText, dequeueCount);
        }

        var contentId = messageText[PayloadReferencePrefix.Length..];
        var text = await ReadPayloadAsync(contentId, cancellationToken).ConfigureAwait(false);
        return text is null ? null : new WorkItemLease(kind, messageId, popReceipt + ReceiptSeparator + contentId, text, dequeueCount);
    }

    /// <summary>Sets aside a work item whose queue text references a payload that no longer exists (<paramref name="unresolved"/>
    /// carries the queue's own text and pop receipt).</summary>
    private async Task SetAsideMissingPayloadAsync(WorkItemLease unresolved, CancellationToken cancellationToken)
    {
        var contentId = unresolved.MessageText[PayloadReferencePrefix.Length..];
        Log.PayloadMissing(_logger, unresolved.MessageId, contentId);
        await SetAsidePoisonAsync(unresolved, $"The offloaded payload {contentId} of this work item no longer exists.", cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync(WorkItemLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var (popReceipt, contentId) = SplitReceipt(lease.Receipt);
        if (!await TryQueueOperationAsync(() => Queue(lease.Kind).DeleteMessageAsync(lease.MessageId, popReceipt, cancellationToken)).ConfigureAwait(false))
        {
            return;
        }

        if (contentId is not null)
        {
            await DeletePayloadAsync(contentId, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task AbandonAsync(WorkItemLease lease, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var (popReceipt, _) = SplitReceipt(lease.Receipt);
        var visibility = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > QueueClient.MaxVisibilityDelay ? QueueClient.MaxVisibilityDelay : delay;
        await TryQueueOperationAsync(() => Queue(lease.Kind).UpdateMessageAsync(lease.MessageId, popReceipt, visibility, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task SetAsidePoisonAsync(WorkItemLease lease, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(reason);
        var (popReceipt, contentId) = SplitReceipt(lease.Receipt);

        // Record first, then delete: a crash in between leaves a duplicate poison record, never a lost one. An offloaded
        // payload is kept (the poison row stores the reference) so the full text stays available.
        var row = new TableEntity(lease.Kind.ToString(), KeySanitizer.MessageKey(lease.MessageId))
        {
            ["MessageId"] = lease.MessageId,
            ["DequeueCount"] = lease.DequeueCount,
        };
        Ticks.Write(row, "SetAsideAt", _time.GetUtcNow());
        var chunks = new List<TableEntity>();
        ChunkRowFactory noChunks = (_, _) => throw new InvalidOperationException("Poison rows hold at most a queue message.");
        Payloads.Write(row, "MessageText", contentId is null ? lease.MessageText : PayloadReferencePrefix + contentId, 8, noChunks, chunks);
        Payloads.Write(row, "Reason", reason.Length > 60_000 ? reason[..60_000] : reason, 4, noChunks, chunks);
        await _poison.UpsertEntityAsync(row, cancellationToken: cancellationToken).ConfigureAwait(false);
        await TryQueueOperationAsync(() => Queue(lease.Kind).DeleteMessageAsync(lease.MessageId, popReceipt, cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PoisonRecord>> GetPoisonAsync(int max, CancellationToken cancellationToken = default)
    {
        var rows = new List<TableEntity>();
        await foreach (var e in _poison.QueryAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(e);
        }

        var records = new List<PoisonRecord>();
        foreach (var e in rows.OrderBy(e => e.GetInt64("SetAsideAt") ?? 0).Take(Math.Max(0, max)))
        {
            var text = Payloads.Read(e, "MessageText", _ => null) ?? "";
            if (text.StartsWith(PayloadReferencePrefix, StringComparison.Ordinal))
            {
                text = await ReadPayloadAsync(text[PayloadReferencePrefix.Length..], cancellationToken).ConfigureAwait(false) ?? text;
            }

            records.Add(new PoisonRecord(
                Enum.Parse<WorkItemKind>(e.PartitionKey),
                e.GetString("MessageId") ?? KeySanitizer.Unsanitize(e.RowKey),
                text,
                e.GetInt64("DequeueCount") ?? 0,
                Payloads.Read(e, "Reason", _ => null) ?? "",
                Ticks.Read(e, "SetAsideAt") ?? default));
        }

        return records;
    }

    public Task<int> GetBacklogAsync(WorkItemKind kind, CancellationToken cancellationToken = default)
        => Queue(kind).GetApproximateMessageCountAsync(cancellationToken);

    private QueueClient Queue(WorkItemKind kind) => kind == WorkItemKind.Orchestration ? _control : _workItems;

    private static (string PopReceipt, string? ContentId) SplitReceipt(string receipt)
    {
        var i = receipt.LastIndexOf(ReceiptSeparator);
        return i < 0 ? (receipt, null) : (receipt[..i], receipt[(i + 1)..]);
    }

    /// <summary>Runs a queue operation on a leased message; false when the lease is no longer ours (message gone, or
    /// re-received by another worker after the lease expired) — a stale receipt must not affect the new holder.</summary>
    private static async Task<bool> TryQueueOperationAsync(Func<Task> operation)
    {
        try
        {
            await operation().ConfigureAwait(false);
            return true;
        }
        catch (StorageRequestException e) when (e.Status is 404 || (e.Status == 400 && e.ErrorCode is "PopReceiptMismatch" or "InvalidQueryParameterValue"))
        {
            return false;
        }
    }

    private async Task<string?> ReadPayloadAsync(string contentId, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var e in _payloads.QueryAsync(TableFilter.Create($"PartitionKey eq {contentId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(e);
        }

        var head = rows.Find(r => r.RowKey == "head");
        if (head is null)
        {
            return null;
        }

        var chunks = rows.Where(r => r.RowKey != "head").OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
        return Payloads.Read(head, "Text", _ => chunks);
    }

    private async Task DeletePayloadAsync(string contentId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var e in _payloads.QueryAsync(TableFilter.Create($"PartitionKey eq {contentId}"), ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(e.RowKey);
        }

        foreach (var batch in Batches(keys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(contentId, k), "*"))))
        {
            try
            {
                await _payloads.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageRequestException e) when (e.Status == 404)
            {
                // Already deleted by a duplicate completion.
            }
        }
    }
}
