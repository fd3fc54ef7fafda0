using Microsoft.Extensions.Options;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Notifications.Webhook;

namespace ReviewWorkflow.Notifications;

/// <summary>Checks the <c>Email</c> section at startup, so a wrong setting fails the app with a clear message
/// instead of the first consultation email.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var problems = new List<string>();
        if (options.UsesSendGrid)
        {
            Check(problems, () => EmailValidation.ValidateAddress(options.FromAddress, "Email:FromAddress"));
            if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"Email:BaseUrl '{options.BaseUrl}' is not an absolute http(s) URL (e.g. {EmailOptions.SendGridGlobalBaseUrl} or {EmailOptions.SendGridEuBaseUrl}).");
            }
        }

        Check(problems, () => EmailValidation.ValidateHeaderText(options.FromName, "Email:FromName"));
        if (!string.IsNullOrWhiteSpace(options.ReplyTo))
        {
            Check(problems, () => EmailValidation.ValidateAddress(options.ReplyTo, "Email:ReplyTo"));
        }

        if (options.WebhookTolerance <= TimeSpan.Zero)
        {
            problems.Add("Email:WebhookTolerance must be positive (e.g. 00:10:00).");
        }
        else if (!string.IsNullOrWhiteSpace(options.WebhookPublicKey))
        {
            Check(problems, () => _ = new SendGridWebhookCheck(options.WebhookPublicKey, options.WebhookTolerance, TimeProvider.System));
        }

        if (options.WebhookMaxBodyBytes <= 0)
        {
            problems.Add("Email:WebhookMaxBodyBytes must be positive.");
        }

        if (options.MaxAttempts < 1)
        {
            problems.Add("Email:MaxAttempts must be at least 1.");
        }

        if (string.IsNullOrWhiteSpace(options.OutboxPath))
        {
            problems.Add("Email:OutboxPath is empty.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(List<string> problems, Action check)
    {
        try
        {
            check();
        }
        catch (ArgumentException ex)
        {
            problems.Add(ex.Message);
        }
    }
}
