using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Notifications;
using ReviewWorkflow.Notifications.Outbox;
using SendGrid.Helpers.EventWebhook;

namespace ReviewWorkflow.Web.Development;

/// <summary>
/// Bounces in the demo (issue 17, point 9). With no SendGrid account the Event Webhook has no verification key, so
/// bounce handling could not be seen locally. In Development only, this holds a P-256 key pair made at start-up (never
/// stored, never configured: <see cref="DevelopmentWebhookKey"/>) whose public half becomes <c>Email:WebhookPublicKey</c>
/// when none is set, and "Mark as bounced" on the outbox page signs a SendGrid-format bounce event with the private half
/// and posts it over HTTP to the app's own webhook: the same signature check, deduplication and handler as a real
/// bounce from SendGrid.
/// </summary>
public sealed class DevelopmentBounces(DevelopmentWebhookKey key, IHttpClientFactory http, IOptions<EmailOptions> email, TimeProvider time)
{
    /// <summary>The <c>IHttpClientFactory</c> client the signed event is posted through.</summary>
    public const string HttpClientName = "DevelopmentBounces";

    /// <summary>The webhook checks signatures with the development key (not with a real SendGrid key set in Development).</summary>
    public bool Active => string.Equals(email.Value.WebhookPublicKey?.Trim(), key.PublicKey, StringComparison.Ordinal);

    /// <summary>Only consultees' emails can bounce in a way the cycle records: they carry the cycle and the consultee.</summary>
    public static bool CanBounce(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.CustomArgs.ContainsKey("cycleId") && message.CustomArgs.ContainsKey("consulteeId");
    }

    /// <summary>Posts a signed hard bounce of <paramref name="message"/> to <paramref name="webhookPath"/> on the server
    /// that received <paramref name="context"/> (its own address and port, never the Host header), and returns the
    /// webhook's answer.</summary>
    public async Task<HttpResponseMessage> PostBounceAsync(OutboxMessage message, HttpContext context, string webhookPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        var body = JsonSerializer.SerializeToUtf8Bytes(new JsonArray(Event(message, now)));
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = key.Sign(timestamp, body);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server(context), webhookPath)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(RequestValidator.SIGNATURE_HEADER, signature);
        request.Headers.Add(RequestValidator.TIMESTAMP_HEADER, timestamp);
        return await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A hard bounce as SendGrid posts it: its own keys, and the message's custom args as top-level keys.</summary>
    private static JsonObject Event(OutboxMessage message, DateTimeOffset now)
    {
        var e = new JsonObject
        {
            ["email"] = message.To,
            ["timestamp"] = now.ToUnixTimeSeconds(),
            ["event"] = "bounce",
            ["type"] = "bounce",
            ["status"] = "5.1.1",
            ["reason"] = "550 5.1.1 The email account that you tried to reach does not exist (marked as bounced on the development outbox).",
            ["sg_event_id"] = "dev-bounce-" + Guid.NewGuid().ToString("N"),
            ["sg_message_id"] = message.Id + ".dev0001",
            ["category"] = new JsonArray([.. message.Categories.Select(c => (JsonNode)c)]),
        };
        foreach (var (key, value) in message.CustomArgs)
        {
            e[key] = value;
        }

        return e;
    }

    /// <summary>The address the request came in on (loopback: the outbox is only served to local requests).</summary>
    private static Uri Server(HttpContext context)
    {
        var ip = context.Connection.LocalIpAddress ?? IPAddress.Loopback;
        var host = ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{context.Request.Scheme}://{host}:{context.Connection.LocalPort}/"));
    }
}
