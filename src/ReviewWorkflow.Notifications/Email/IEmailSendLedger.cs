namespace ReviewWorkflow.Notifications.Email;

/// <summary>
/// The record of idempotency keys already sent. The in-memory one serves tests and local runs; the workflow
/// registers a Table Storage one (a row per key) so that the record survives restarts and is shared by instances.
/// </summary>
public interface IEmailSendLedger
{
    /// <summary>The result recorded for <paramref name="idempotencyKey"/>, or null if it was never sent.</summary>
    Task<EmailSendResult?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Records that <paramref name="idempotencyKey"/> was accepted by the provider. Recording twice keeps the first.</summary>
    Task RecordAsync(string idempotencyKey, EmailSendResult result, CancellationToken cancellationToken = default);
}
