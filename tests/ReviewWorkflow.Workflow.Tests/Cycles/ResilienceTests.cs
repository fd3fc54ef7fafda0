using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

public sealed class ResilienceTests
{
    [Fact]
    public async Task A_worker_restart_mid_consultation_continues_without_sending_anything_twice()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.AdvanceToAsync(2027, 2, 6);
        Assert.Equal(12 + 12, h.Sent.Count(s => s.Category != "meeting-invitation")); // requests, and the first reminder to all

        await h.Host.RestartWorkerAsync();
        await h.AdvanceToAsync(2027, 3, 1, 18);

        Assert.All(h.Sent.GroupBy(s => s.Key), g => Assert.Single(g));
        Assert.Equal(12, h.Sent.Count(s => s.Category == "consultation-request"));
        Assert.Equal(24, h.Sent.Count(s => s.Category == "consultation-reminder"));
        Assert.Single(h.Sent, s => s.Category == "consultation-escalation");
        Assert.Equal(ReviewWorkflow.Workflow.Cycles.CycleStage.Drafting, (await h.ViewAsync(id)).Stage);
    }

    [Fact]
    public async Task An_activity_retried_after_the_email_went_does_not_send_it_again()
    {
        FailAfterSendOnce? flaky = null;
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start), inner => flaky = new FailAfterSendOnce(inner, "consultation-request/"));
        var id = await h.StartRutlandAsync();
        await h.AdvanceToAsync(2027, 1, 4, 12);

        Assert.Equal(1, flaky!.Failures);
        var requests = h.Sent.Where(s => s.Category == "consultation-request").ToList();
        Assert.Equal(12, requests.Count);
        Assert.Equal(12, requests.Select(r => r.To).Distinct().Count());
        Assert.Equal(12, (await h.ViewAsync(id)).Counts.RequestsSent);
        Assert.Equal(12, (await h.Audit.ReadAllAsync(id)).Count(e => e.Action == ReviewWorkflow.Workflow.Audit.AuditActions.RequestSent));
    }
}
