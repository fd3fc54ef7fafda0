namespace ReviewWorkflow.Notifications.Webhook;

/// <summary>Why a webhook request was refused (or <see cref="Valid"/>).</summary>
public enum WebhookVerificationStatus
{
    Valid,
    MissingSignature,
    MissingTimestamp,
    MalformedSignature,
    MalformedTimestamp,
    StaleTimestamp,
    BadSignature,
}
