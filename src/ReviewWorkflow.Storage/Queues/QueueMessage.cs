namespace ReviewWorkflow.Storage.Queues;

/// <summary>A received message. <see cref="MessageText"/> is already Base64-decoded (UTF-8). Peeked messages have an empty <see cref="PopReceipt"/>.</summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    string MessageText,
    DateTimeOffset? InsertedOn,
    DateTimeOffset? NextVisibleOn);

/// <summary>The service's receipt for a sent or updated message.</summary>
public sealed record SendReceipt(string MessageId, string PopReceipt, DateTimeOffset? NextVisibleOn);
