using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using ReviewWorkflow.App.Tests.Infrastructure;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.App.Tests.ReviewCycles;

/// <summary>SendGrid's signed Event Webhook on the running app: a bounce flags the consultee and tells the lead; a badly
/// signed call is refused and changes nothing.</summary>
public class SendGridWebhookTests
{
    [Fact]
    public async Task A_signed_bounce_flags_the_consultee_and_notifies_the_lead_and_a_badly_signed_call_is_refused_and_changes_nothing()
    {
        await using var rc = await ReviewCycleApp.StartAsync(SmallCycle.Start);
        var id = "bounce-" + Guid.NewGuid().ToString("N")[..8];
        await rc.Cycles.StartCycleAsync(SmallCycle.Definition(id), SmallCycle.Lead, "req-start", "start-" + id).OkAsync();
        await rc.WaitForAsync(id, v => v.Stage == CycleStage.Consultation && v.Counts.RequestsSent == 3, "the consultation requests");
        var outbox = await rc.Outbox.ListAsync();
        var toRiley = RequestTo(outbox, id, SmallCycle.Consultees[0].Email);
        var toPat = RequestTo(outbox, id, SmallCycle.Consultees[2].Email);

        // Signed with another key (an attacker's): 401, and nothing is flagged, audited or sent.
        using (var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            using var refused = await rc.PostWebhookAsync(BounceBody(rc, toPat, "evt-forged"), forger);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.DoesNotContain(await rc.Audit.ReadAllAsync(id), e => e.Action == AuditActions.BounceFlagged);
        Assert.Equal(outbox.Count, (await rc.Outbox.ListAsync()).Count);
        Assert.Equal(0, (await rc.Cycles.GetCycleAsync(id))!.Counts.Bounced);

        // Signed with the configured key: 200, Riley is flagged and the lead gets a notice.
        var body = BounceBody(rc, toRiley, "evt-riley-1");
        using (var accepted = await rc.PostWebhookAsync(body))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var view = await rc.WaitForAsync(id, v => v.Counts.Bounced == 1, "the bounce to be counted");
        Assert.Equal([SmallCycle.Consultees[0].Id], view.BouncedConsultees);
        var notice = await rc.WaitForEmailAsync(m => m.To == SmallCycle.Lead.Email && m.IdempotencyKey.StartsWith($"bounce-notice/{id}/", StringComparison.Ordinal), "the lead's bounce notice");
        Assert.Equal($"bounce-notice/{id}/{SmallCycle.Consultees[0].Id}/evt-riley-1", notice.IdempotencyKey);

        // SendGrid retrying the same event changes nothing more.
        using (var retried = await rc.PostWebhookAsync(body))
        {
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        }

        var consultees = await rc.Cycles.GetConsulteesAsync(id);
        Assert.Equal([SmallCycle.Consultees[0].Id], consultees.Where(c => c.Bounced).Select(c => c.Id));
        // The webhook's command received once (the façade's row), one flag applied by the consultation and one notice
        // email, all audited; nothing from the forged call.
        var trail = await rc.Audit.ReadAllAsync(id);
        Assert.Single(trail, e => e.Action == AuditActions.CommandReceived && e.IdempotencyKey == "command:bounce:evt-riley-1");
        var flagged = trail.Where(e => e.Action == AuditActions.BounceFlagged).ToList();
        Assert.Equal(["applied/" + id + ":consultation-1/bounce:evt-riley-1", "email:" + notice.IdempotencyKey], flagged.Select(e => e.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.All(flagged, e => Assert.Equal(AuditRole.System, e.Role));
        Assert.Single(await rc.Outbox.ListAsync(), m => m.IdempotencyKey.StartsWith($"bounce-notice/{id}/", StringComparison.Ordinal));
        Assert.Equal(1, (await rc.Cycles.GetCycleAsync(id))!.Counts.Bounced);
        var verification = await rc.Audit.VerifyAsync(id);
        Assert.True(verification.Valid, verification.Reason);
    }

    private static OutboxMessage RequestTo(IReadOnlyList<OutboxMessage> outbox, string cycleId, string email) =>
        Assert.Single(outbox, m => m.To == email && m.IdempotencyKey.StartsWith($"consultation-request/{cycleId}/", StringComparison.Ordinal));

    /// <summary>A hard bounce of <paramref name="request"/> as SendGrid reports it (custom args as top-level keys).</summary>
    private static string BounceBody(ReviewCycleApp rc, OutboxMessage request, string eventId) => JsonSerializer.Serialize(new[]
    {
        new Dictionary<string, object>
        {
            ["email"] = request.To,
            ["timestamp"] = rc.Clock.GetUtcNow().ToUnixTimeSeconds(),
            ["event"] = "bounce",
            ["type"] = "bounce",
            ["status"] = "5.1.1",
            ["reason"] = "550 5.1.1 The email account that you tried to reach does not exist.",
            ["sg_event_id"] = eventId,
            ["sg_message_id"] = request.Id + ".filter0001",
            ["category"] = request.Categories,
            ["cycleId"] = request.CustomArgs["cycleId"],
            ["consulteeId"] = request.CustomArgs["consulteeId"],
        },
    });
}
