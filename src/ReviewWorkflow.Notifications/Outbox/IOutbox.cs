using ReviewWorkflow.Notifications.Email;

namespace ReviewWorkflow.Notifications.Outbox;

/// <summary>The messages the local outbox "sent": for the local outbox page and for tests that follow emailed links.</summary>
public interface IOutbox
{
    /// <summary>All messages, newest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One message by <see cref="OutboxMessage.Id"/>, or null (also for ids that are not outbox ids).</summary>
    Task<OutboxMessage?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes every message sent to <paramref name="address"/> (compared without case): a consultee's personal
    /// data erased. Returns how many went.</summary>
    Task<int> DeleteToAsync(string address, CancellationToken cancellationToken = default);
}

/// <summary>An email written to the local outbox.</summary>
/// <param name="Links">Absolute http(s) URLs found in the text and HTML bodies, in order, without duplicates.</param>
public sealed record OutboxMessage(
    string Id,
    string To,
    string? ToName,
    string Subject,
    string TextBody,
    string HtmlBody,
    DateTimeOffset SentAt,
    IReadOnlyList<string> Links,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, string> CustomArgs,
    string IdempotencyKey,
    IReadOnlyList<EmailAttachment>? Attachments = null);
