using System.Text.Json.Nodes;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Consultation;

/// <summary>A directory that cannot be reached at start does not refuse the cycle: it starts with its consultation on
/// hold — no request to anyone (not to a partial list), one email to the lead, the hold on the cycle's view and in the
/// audit trail with the group and why (issue 17, point 4).</summary>
public sealed class UnreachableDirectoryTests
{
    [Fact]
    public async Task Directory_unreachable_at_start_sends_no_requests_emails_the_lead_once_and_shows_the_hold()
    {
        var (h, _) = await HeldConsultation.StartHarnessAsync();
        await using var _h = h;

        var id = await HeldConsultation.StartAsync(h, "held-at-start");

        Assert.Empty(h.Requests());
        var email = Assert.Single(h.HoldEmails());
        Assert.Equal("lead@council.example", email.To);
        Assert.Contains("\"Partner agencies\" (directory group \"partners\")", email.Text, StringComparison.Ordinal);
        Assert.Contains("open as soon as the directory answers", email.Text, StringComparison.Ordinal);
        var view = await h.ViewAsync(id);
        var hold = Assert.IsType<ReviewWorkflow.Workflow.Cycles.ConsultationHold>(view.ConsultationHold);
        Assert.True(hold.OnHold);
        Assert.Equal(["\"Partner agencies\" (directory group \"partners\")"], hold.Groups);
        Assert.Equal(HeldConsultation.At(11).UtcDateTime, hold.NextTry);
        Assert.Equal(0, view.Counts.RequestsSent);

        var trail = await h.Audit.ReadAllAsync(id);
        var held = Assert.Single(trail, e => e.Action == AuditActions.ConsultationHeld);
        var why = JsonNode.Parse(held.Details!)!["group1"]!.GetValue<string>();
        Assert.Contains("\"partners\"", why, StringComparison.Ordinal);
        Assert.Contains(SwitchableDirectory.Reason, why, StringComparison.Ordinal);
        Assert.Single(trail, e => e.Action == AuditActions.HoldNoticeSent);
    }
}
