using ReviewWorkflow.Notifications.Email;
using global::SendGrid.Helpers.Mail;

namespace ReviewWorkflow.Notifications.SendGrid;

/// <summary>Turns one <see cref="EmailMessage"/> into the SDK's <see cref="SendGridMessage"/>.</summary>
internal static class SendGridMessageFactory
{
    /// <summary>Custom arg carrying the idempotency key, so a duplicate (see <see cref="IdempotentEmailSender"/>) shows in webhook events.</summary>
    public const string IdempotencyKeyArg = "idempotencyKey";

    public static SendGridMessage Create(EmailMessage message, EmailOptions options)
    {
        var mail = MailHelper.CreateSingleEmail(
            new EmailAddress(options.FromAddress, NullIfBlank(options.FromName)),
            new EmailAddress(message.To.Address, NullIfBlank(message.To.DisplayName)),
            message.Subject,
            message.TextBody,
            message.HtmlBody);

        if (!string.IsNullOrWhiteSpace(options.ReplyTo))
        {
            mail.SetReplyTo(new EmailAddress(options.ReplyTo));
        }

        if (message.Categories.Count > 0)
        {
            mail.AddCategories([.. message.Categories]);
        }

        // Message-level custom_args: SendGrid echoes them as top-level keys of every webhook event (cycleId, consulteeId, requestId).
        var customArgs = new Dictionary<string, string>(message.CustomArgs, StringComparer.Ordinal);
        customArgs.TryAdd(IdempotencyKeyArg, message.IdempotencyKey);
        mail.AddGlobalCustomArgs(customArgs);

        foreach (var attachment in message.Attachments)
        {
            mail.AddAttachment(attachment.FileName, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(attachment.Content)), attachment.ContentType);
        }

        mail.SetSandBoxMode(options.SandboxMode);

        // Privacy: consultees include children; no open pixels, no rewritten links, no added unsubscribe footer.
        mail.SetClickTracking(false, false);
        mail.SetOpenTracking(false);
        mail.SetSubscriptionTracking(false);
        mail.SetGoogleAnalytics(false);
        return mail;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
