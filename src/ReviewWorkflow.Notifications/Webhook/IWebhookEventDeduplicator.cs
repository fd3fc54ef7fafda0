namespace ReviewWorkflow.Notifications.Webhook;

/// <summary>
/// Remembers which webhook events were handled (SendGrid retries deliveries for up to 24 hours, so the same
/// sg_event_id arrives more than once). Claim before handling; release if handling failed so SendGrid's retry is
/// handled again. The workflow registers a Table Storage implementation (insert-if-absent per key).
/// </summary>
public interface IWebhookEventDeduplicator
{
    /// <summary>True if this caller now owns <paramref name="eventKey"/>; false if it was claimed before.</summary>
    ValueTask<bool> TryClaimAsync(string eventKey, CancellationToken cancellationToken = default);

    /// <summary>Forgets a claim whose handling failed.</summary>
    ValueTask ReleaseAsync(string eventKey, CancellationToken cancellationToken = default);
}
