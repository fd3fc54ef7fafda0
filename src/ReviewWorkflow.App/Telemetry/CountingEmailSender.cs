using ReviewWorkflow.Notifications.Email;

namespace ReviewWorkflow.App.Telemetry;

/// <summary>Counts emails the provider accepted (repeats suppressed by the idempotency ledger are not counted).</summary>
internal sealed class CountingEmailSender(IEmailSender inner) : IEmailSender
{
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var result = await inner.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (!result.AlreadySent)
        {
            ReviewWorkflowMetrics.EmailsSent.Add(1, new KeyValuePair<string, object?>("provider", result.Provider));
        }

        return result;
    }
}
