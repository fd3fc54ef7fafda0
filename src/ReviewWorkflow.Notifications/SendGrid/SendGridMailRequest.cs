using System.Text.Json.Nodes;
using ReviewWorkflow.Notifications.Email;

namespace ReviewWorkflow.Notifications.SendGrid;

/// <summary>Builds the JSON body of SendGrid v3 <c>POST /v3/mail/send</c> for one <see cref="EmailMessage"/>.</summary>
internal static class SendGridMailRequest
{
    /// <summary>Custom arg carrying the idempotency key, so a duplicate (see <see cref="IdempotentEmailSender"/>) shows in webhook events.</summary>
    public const string IdempotencyKeyArg = "idempotencyKey";

    public static JsonObject Build(EmailMessage message, EmailOptions options)
    {
        var to = new JsonObject { ["email"] = message.To.Address };
        if (!string.IsNullOrWhiteSpace(message.To.DisplayName))
        {
            to["name"] = message.To.DisplayName;
        }

        var from = new JsonObject { ["email"] = options.FromAddress };
        if (!string.IsNullOrWhiteSpace(options.FromName))
        {
            from["name"] = options.FromName;
        }

        // SendGrid requires text/plain before text/html.
        var content = new JsonArray();
        if (!string.IsNullOrEmpty(message.TextBody))
        {
            content.Add(new JsonObject { ["type"] = "text/plain", ["value"] = message.TextBody });
        }

        if (!string.IsNullOrEmpty(message.HtmlBody))
        {
            content.Add(new JsonObject { ["type"] = "text/html", ["value"] = message.HtmlBody });
        }

        var customArgs = new JsonObject();
        foreach (var (key, value) in message.CustomArgs)
        {
            customArgs[key] = value;
        }

        if (!customArgs.ContainsKey(IdempotencyKeyArg))
        {
            customArgs[IdempotencyKeyArg] = message.IdempotencyKey;
        }

        var body = new JsonObject
        {
            ["personalizations"] = new JsonArray(new JsonObject
            {
                ["to"] = new JsonArray(to),
                ["subject"] = message.Subject,
            }),
            ["from"] = from,
            ["subject"] = message.Subject,
            ["content"] = content,
        };

        if (!string.IsNullOrWhiteSpace(options.ReplyTo))
        {
            body["reply_to"] = new JsonObject { ["email"] = options.ReplyTo };
        }

        if (message.Categories.Count > 0)
        {
            body["categories"] = new JsonArray([.. message.Categories.Select(c => (JsonNode)JsonValue.Create(c))]);
        }

        body["custom_args"] = customArgs;
        body["mail_settings"] = new JsonObject
        {
            ["sandbox_mode"] = new JsonObject { ["enable"] = options.SandboxMode },
        };

        // Privacy: consultees include children; no open pixels, no rewritten links, no added unsubscribe footer.
        body["tracking_settings"] = new JsonObject
        {
            ["click_tracking"] = new JsonObject { ["enable"] = false, ["enable_text"] = false },
            ["open_tracking"] = new JsonObject { ["enable"] = false },
            ["subscription_tracking"] = new JsonObject { ["enable"] = false },
            ["ganalytics"] = new JsonObject { ["enable"] = false },
        };
        return body;
    }
}
