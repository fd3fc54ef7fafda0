using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Notifications;
using ReviewWorkflow.Web.Development;
using ReviewWorkflow.Web.Tests.Consultees;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Outbox;

/// <summary>Issue 17, point 9: the development webhook key is a real check (another key's signature and a post without
/// the antiforgery token are refused), and outside Development there is no key, no "Mark as bounced" and the webhook
/// still answers 503 until SendGrid's key is configured.</summary>
public sealed class DevelopmentWebhookKeyTests
{
    [Fact]
    public async Task The_development_key_still_refuses_a_bounce_signed_with_another_key_or_posted_without_a_token()
    {
        await using var host = await WebTestHost.StartAsync("Development", start: ConsulteeCycle.Start);
        var key = host.Services.GetRequiredService<DevelopmentWebhookKey>();
        Assert.Equal(key.PublicKey, host.Services.GetRequiredService<IOptions<EmailOptions>>().Value.WebhookPublicKey);
        using var other = new DevelopmentWebhookKey();
        var body = Encoding.UTF8.GetBytes("""[{"email":"pat@carers.example","timestamp":1,"event":"bounce","sg_event_id":"forged","cycleId":"cyc-x","consulteeId":"c"}]""");
        var timestamp = host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var forged = new HttpRequestMessage(HttpMethod.Post, WebhookPaths.SendGrid) { Content = new ByteArrayContent(body) };
        forged.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", other.Sign(timestamp, body));
        forged.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);

        using var refused = await host.Client.SendAsync(forged);
        using var client = new FormClient(host);
        using var tokenless = await client.PostAsync("/outbox?handler=Bounce", new Dictionary<string, string> { ["id"] = "any" }, antiforgery: false);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
    }

    [Fact]
    public async Task Outside_Development_there_is_no_development_key_no_button_and_the_webhook_answers_503()
    {
        await using var host = await WebTestHost.StartAsync("Production");

        using var mark = await host.Client.PostAsync("/outbox?handler=Bounce", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = "any" }));
        using var webhook = await host.Client.PostAsync(WebhookPaths.SendGrid, new StringContent("[]", Encoding.UTF8, "application/json"));

        Assert.Null(host.Services.GetService<DevelopmentWebhookKey>());
        Assert.Null(host.Services.GetService<DevelopmentBounces>());
        Assert.True(string.IsNullOrEmpty(host.Services.GetRequiredService<IOptions<EmailOptions>>().Value.WebhookPublicKey));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/outbox")).StatusCode);
        Assert.True(mark.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"POST /outbox answered {mark.StatusCode}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, webhook.StatusCode);
    }
}
