namespace ReviewWorkflow.Web;

/// <summary>Where webhooks are served; here (not in the app) so the development outbox can post to the same path.</summary>
public static class WebhookPaths
{
    /// <summary>SendGrid's Event Webhook (configure this URL in SendGrid's Event Webhook settings).</summary>
    public const string SendGrid = "/webhooks/sendgrid";
}
