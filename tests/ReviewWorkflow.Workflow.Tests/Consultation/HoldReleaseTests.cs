using System.Text.Json.Nodes;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Consultation;

/// <summary>When the directory answers a retry, the held consultation opens normally: one request to every consultee,
/// including the group that could not be read, the hold cleared on the view and "directory reached" audited (issue 17,
/// point 4).</summary>
public sealed class HoldReleaseTests
{
    [Fact]
    public async Task When_the_directory_comes_back_the_next_retry_sends_every_consultee_one_request_and_clears_the_hold()
    {
        var (h, directory) = await HeldConsultation.StartHarnessAsync();
        await using var _h = h;
        var id = await HeldConsultation.StartAsync(h, "held-release");
        await h.AdvanceToAsync(HeldConsultation.At(11, 30));
        Assert.Empty(h.Requests());

        directory.Reachable = true;
        await h.AdvanceToAsync(HeldConsultation.At(12, 30));
        await h.AdvanceToAsync(HeldConsultation.At(14));

        var requests = h.Requests();
        var view = await h.ViewAsync(id);
        Assert.Equal(18, view.Counts.Consultees); // twelve named, six in the directory's "partners" group
        Assert.Equal(view.Counts.Consultees, requests.Count);
        Assert.Equal(requests.Count, requests.Select(r => r.To).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(requests, r => r.To == "helen.marsh@health.example");
        Assert.All(requests, r => Assert.Equal(HeldConsultation.At(12).UtcDateTime, r.At.UtcDateTime));
        Assert.Equal(18, view.Counts.RequestsSent);
        Assert.Single(h.HoldEmails());

        var hold = view.ConsultationHold!;
        Assert.False(hold.OnHold);
        Assert.Equal(HeldConsultation.At(12).UtcDateTime, hold.ClearedAt);
        Assert.Null(hold.NextTry);
        Assert.Equal(RutlandLikeCycle.Definition.Consultation.Closes, view.ConsultationCloses);

        var trail = await h.Audit.ReadAllAsync(id);
        var reached = Assert.Single(trail, e => e.Action == AuditActions.DirectoryReached);
        Assert.Equal("directory reached, consultation opened", reached.Subject);
        Assert.Contains("requests go to 18 consultees now", JsonNode.Parse(reached.Details!)!["consultation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, trail.Count(e => e.Action == AuditActions.ConsulteesResolved));
        Assert.Equal(18, trail.Count(e => e.Action == AuditActions.RequestSent));
    }
}
