namespace ReviewWorkflow.Notifications.Email;

/// <summary>Sends one email. Implementations registered by <c>AddReviewWorkflowEmail</c> are idempotent per
/// <see cref="EmailMessage.IdempotencyKey"/>.</summary>
public interface IEmailSender
{
    /// <exception cref="ArgumentException">The message is invalid (bad address, CR/LF in a header value, ...).</exception>
    /// <exception cref="EmailSendException">The provider refused the message or could not be reached.</exception>
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
