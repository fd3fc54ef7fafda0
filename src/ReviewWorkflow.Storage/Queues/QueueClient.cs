// API SURFACE CONTRACT — other projects code against these names. Bodies are filled in by the storage work.
using ReviewWorkflow.Storage.Configuration;

namespace ReviewWorkflow.Storage.Queues;

/// <summary>A received message. <see cref="MessageText"/> is already Base64-decoded (UTF-8).</summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    string MessageText,
    DateTimeOffset? InsertedOn,
    DateTimeOffset? NextVisibleOn);

/// <summary>The service's receipt for a sent or updated message.</summary>
public sealed record SendReceipt(string MessageId, string PopReceipt, DateTimeOffset? NextVisibleOn);

/// <summary>Entry point for the Queue service of one storage account.</summary>
public sealed class QueueServiceClient
{
    public QueueServiceClient(StorageConnection connection, StorageOptions? options = null) => throw new NotImplementedException();

    public QueueClient GetQueueClient(string queueName) => throw new NotImplementedException();

    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
}

/// <summary>Operations on one queue. Message text is sent Base64-encoded (the Functions queue trigger's default).</summary>
public sealed class QueueClient
{
    internal QueueClient() { }

    /// <summary>Longest visibility delay the service accepts: 7 days.</summary>
    public static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7);

    public string Name => throw new NotImplementedException();

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task DeleteQueueAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Send; invisible for <paramref name="visibilityDelay"/> (0..7 days); TTL infinite unless given.</summary>
    public Task<SendReceipt> SendMessageAsync(string messageText, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Receive 1..32 messages, hiding them for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    public Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Delete by pop receipt; a 404 (already deleted) is ignored.</summary>
    public Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Change visibility (and optionally text); returns the new receipt.</summary>
    public Task<SendReceipt> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? messageText = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Approximate number of messages (x-ms-approximate-messages-count).</summary>
    public Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Peek without changing visibility (up to 32).</summary>
    public Task<IReadOnlyList<QueueMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
