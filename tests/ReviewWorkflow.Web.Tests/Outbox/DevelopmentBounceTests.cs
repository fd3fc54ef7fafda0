using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Notifications;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Web.Development;
using ReviewWorkflow.Web.Tests.Consultees;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Web.Tests.Outbox;

/// <summary>Issue 17, point 9: bounces in the demo. In Development the outbox page marks a consultee's email as bounced
/// by posting a SendGrid bounce, signed with a key made at start-up, to the real webhook over HTTP; the cycle page then
/// shows the consultee as bounced. Outside Development none of it exists.</summary>
public sealed partial class DevelopmentBounceTests
{
    [Fact]
    public async Task Mark_as_bounced_goes_through_the_signed_webhook_and_the_cycle_page_shows_the_bounce()
    {
        await using var host = await WebTestHost.StartAsync("Development", start: ConsulteeCycle.Start);
        var cycle = await ConsulteeCycle.StartAsync(host);
        var message = await MessageToAsync(host, cycle.CycleId, ConsulteeCycle.PatEmail);
        using var client = new FormClient(host);
        var (_, outbox) = await client.GetAsync("/outbox");
        Assert.Contains("Mark as bounced", outbox);

        using var marked = await client.PostAsync("/outbox?handler=Bounce", new Dictionary<string, string> { ["id"] = message.Id });

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var (_, banner) = await client.GetAsync(marked.Headers.Location!.OriginalString);
        Assert.Contains($"href=\"/cycles/{cycle.CycleId}#responses\"", banner);
        var audit = await host.Services.GetRequiredService<AuditLog>().ReadAllAsync(cycle.CycleId);
        var flagged = Assert.Single(audit, e => e.Action == AuditActions.BounceFlagged);
        Assert.Equal(("sendgrid", ConsulteeCycle.Id(ConsulteeCycle.PatEmail)), (flagged.Actor, flagged.Subject));

        using var lead = host.ClientAs("lead@council.example");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        string row;
        do
        {
            Assert.False(timeout.IsCancellationRequested, "The cycle page did not show Pat Carer as bounced within a minute.");
            await Task.Delay(200);
            row = PatRow().Match(await lead.GetStringAsync($"/cycles/{cycle.CycleId}")).Value;
        }
        while (!row.Contains(">Bounced<", StringComparison.Ordinal));
    }

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

    private static async Task<OutboxMessage> MessageToAsync(WebTestHost host, string cycleId, string to) =>
        (await host.Services.GetRequiredService<IOutbox>().ListAsync())
            .First(m => m.To == to && m.CustomArgs.TryGetValue("cycleId", out var id) && id == cycleId);

    [GeneratedRegex(@"<th scope=""row"" class=""govuk-table__header"">Pat Carer</th>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex PatRow();
}
