using System.Net;
using System.Text.RegularExpressions;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Web.Tests.Consultees;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Web.Tests.Outbox;

/// <summary>Issue 17, point 9: bounces in the demo. In Development the outbox page marks a consultee's email as bounced
/// by posting a SendGrid bounce, signed with a key made at start-up, to the real webhook over HTTP; the cycle page then
/// shows the consultee as bounced.</summary>
public sealed partial class MarkAsBouncedTests
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
        var audit = await AuditWait.ForAsync(host.Services.GetRequiredService<AuditLog>(), cycle.CycleId, e => e.Action == AuditActions.BounceFlagged, "the bounce");
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

    [Theory]
    [InlineData("no-such-message")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("<script>alert(1)</script>")]
    public async Task An_unknown_or_malformed_message_id_is_not_found_and_flags_nothing(string id)
    {
        await using var host = await WebTestHost.StartAsync("Development", start: ConsulteeCycle.Start);
        var cycle = await ConsulteeCycle.StartAsync(host);
        await MessageToAsync(host, cycle.CycleId, ConsulteeCycle.PatEmail); // requests are out: the outbox is not empty
        using var client = new FormClient(host);
        await client.GetAsync("/outbox");

        using var marked = await client.PostAsync("/outbox?handler=Bounce", new Dictionary<string, string> { ["id"] = id });

        Assert.Equal(HttpStatusCode.NotFound, marked.StatusCode);
        var audit = await host.Services.GetRequiredService<AuditLog>().ReadAllAsync(cycle.CycleId);
        Assert.DoesNotContain(audit, e => e.Action == AuditActions.BounceFlagged);
    }

    private static async Task<OutboxMessage> MessageToAsync(WebTestHost host, string cycleId, string to) =>
        (await host.Services.GetRequiredService<IOutbox>().ListAsync())
            .First(m => m.To == to && m.CustomArgs.TryGetValue("cycleId", out var id) && id == cycleId);

    [GeneratedRegex(@"<th scope=""row"" class=""govuk-table__header"">Pat Carer</th>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex PatRow();
}
