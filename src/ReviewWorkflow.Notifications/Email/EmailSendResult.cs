namespace ReviewWorkflow.Notifications.Email;

/// <summary>What a send produced.</summary>
/// <param name="ProviderMessageId">SendGrid's <c>X-Message-Id</c> (matches the prefix of <c>sg_message_id</c> in webhook
/// events; absent in sandbox mode), or the local outbox message id.</param>
/// <param name="Provider">"SendGrid" or "LocalOutbox".</param>
/// <param name="AcceptedAt">When the provider accepted the message.</param>
/// <param name="AlreadySent">True when nothing was sent because this idempotency key had been sent before.</param>
public sealed record EmailSendResult(string? ProviderMessageId, string Provider, DateTimeOffset AcceptedAt, bool AlreadySent = false);
