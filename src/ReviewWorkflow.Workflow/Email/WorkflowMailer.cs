using System.Text.Json.Nodes;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Workflow.Email;

/// <summary>One email the workflow sends, with what to write in the audit trail about it.</summary>
/// <param name="IdempotencyKey">Deterministic per (cycle, recipient, purpose, round/date): the same key never sends twice.</param>
/// <param name="AuditSubject">Who or what the audit row is about: the consultee id for consultees (their address stays
/// out of the append-only trail), the address for staff.</param>
public sealed record OutgoingEmail(
    string CycleId,
    EmailRecipient To,
    EmailContent Content,
    string Category,
    string IdempotencyKey,
    string AuditAction,
    string AuditSubject,
    string? ConsulteeId = null);

/// <summary>Whether an email went (or had gone before), and the provider's message id.</summary>
public sealed record SendOutcome(bool Sent, string? MessageId, string? Error);

/// <summary>Sends workflow emails through <see cref="IEmailSender"/> and records each in the audit trail, both keyed by
/// the email's idempotency key, so an activity that runs again sends and records nothing new.</summary>
public sealed class WorkflowMailer(IEmailSender sender, AuditLog audit, PersonalData.PersonalDataRegister? erased = null)
{
    /// <summary>Sends, or returns a failure for a message the provider will never take (bad address, rejected).
    /// Transient failures throw, so the activity is retried.</summary>
    public async Task<SendOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (email.ConsulteeId is { } consultee && erased is not null && await erased.IsErasedAsync(email.CycleId, consultee, cancellationToken).ConfigureAwait(false))
        {
            // Erased on request while the consultation runs: the orchestration still lists them, but nothing is sent
            // (and nothing recorded); "sent" so the cycle does not treat the address as bounced.
            return new SendOutcome(true, null, "The consultee's personal data was erased: not sent.");
        }

        var message = new EmailMessage
        {
            To = email.To,
            Subject = email.Content.Subject,
            TextBody = email.Content.Text,
            HtmlBody = email.Content.Html,
            Categories = ["review-workflow", email.Category],
            CustomArgs = email.ConsulteeId is null
                ? new Dictionary<string, string> { ["cycleId"] = email.CycleId }
                : new Dictionary<string, string> { ["cycleId"] = email.CycleId, ["consulteeId"] = email.ConsulteeId },
            IdempotencyKey = email.IdempotencyKey,
        };
        EmailSendResult result;
        try
        {
            result = await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or EmailRejectedException)
        {
            await audit.AppendAsync(email.CycleId, new AuditEvent
            {
                Action = AuditActions.BounceFlagged,
                Subject = email.AuditSubject,
                Details = email.ConsulteeId is null ? new JsonObject { ["category"] = email.Category, ["error"] = ex.Message } : new JsonObject { ["category"] = email.Category },
                // A provider's error may quote the consultee's address: kept as personal data (scheme v2).
                PersonalSubject = email.ConsulteeId,
                PersonalDetails = email.ConsulteeId is null ? null : new JsonObject { ["error"] = ex.Message },
                IdempotencyKey = "failed:" + email.IdempotencyKey,
            }, cancellationToken).ConfigureAwait(false);
            return new SendOutcome(false, null, ex.Message);
        }

        Telemetry.WorkflowMetrics.EmailSent(result, email.Category);
        await audit.AppendAsync(email.CycleId, new AuditEvent
        {
            Action = email.AuditAction,
            Subject = email.AuditSubject,
            Details = new JsonObject { ["category"] = email.Category, ["subject"] = email.Content.Subject },
            MessageId = result.ProviderMessageId,
            IdempotencyKey = "email:" + email.IdempotencyKey,
        }, cancellationToken).ConfigureAwait(false);
        return new SendOutcome(true, result.ProviderMessageId, null);
    }
}
