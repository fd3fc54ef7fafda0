using Microsoft.DurableTask.Client;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Tests.Fixtures;
using Xunit.Abstractions;
using static ReviewWorkflow.Workflow.Domain.DecisionOutcome;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>A Rutland-like pledge review from start to adoption to the start of the next review, on the fake clock.</summary>
public sealed class WholeCycleTests(ITestOutputHelper output)
{
    private static readonly string[] Expected =
    [
        "2027-01-04 consultation-request → riley@young.example",
        "2027-01-04 consultation-request → casey@young.example",
        "2027-01-04 consultation-request → morgan@young.example",
        "2027-01-04 consultation-request → jamie@young.example",
        "2027-01-04 consultation-request → pat@carers.example",
        "2027-01-04 consultation-request → lee@carers.example",
        "2027-01-04 consultation-request → chris@carers.example",
        "2027-01-04 consultation-request → dana@carers.example",
        "2027-01-04 consultation-request → avery@health.example",
        "2027-01-04 consultation-request → blair@health.example",
        "2027-01-04 consultation-request → drew@police.example",
        "2027-01-04 consultation-request → eden@school.example",
        // 7 days before the close (Friday 12 February): everyone who has not submitted.
        "2027-02-05 consultation-reminder → morgan@young.example",
        "2027-02-05 consultation-reminder → jamie@young.example",
        "2027-02-05 consultation-reminder → dana@carers.example",
        "2027-02-05 consultation-reminder → drew@police.example",
        "2027-02-05 consultation-reminder → eden@school.example",
        "2027-02-09 consultation-escalation → lead@council.example",
        // Drew answered on 8 February, so is not reminded again.
        "2027-02-10 consultation-reminder → morgan@young.example",
        "2027-02-10 consultation-reminder → jamie@young.example",
        "2027-02-10 consultation-reminder → dana@carers.example",
        "2027-02-10 consultation-reminder → eden@school.example",
        // Cabinet (20 April) is a key decision: notice due Monday 8 March (28 clear days, Easter excluded).
        "2027-03-01 key-decision-reminder → lead@council.example",
        "2027-03-01 key-decision-reminder → clerk@council.example",
        "2027-03-05 drafting-reminder → lead@council.example",
        "2027-03-05 key-decision-reminder → lead@council.example",
        "2027-03-05 key-decision-reminder → clerk@council.example",
        // The draft came on 8 March, so no second drafting reminder on the 10th.
        "2027-03-08 sign-off-request → director@council.example",
        // Panel (30 March): publish by 18 March; the 7-day reminder (11 March) fell before the drafting deadline.
        "2027-03-16 publication-reminder → lead@council.example",
        "2027-03-16 publication-reminder → clerk@council.example",
        // Cabinet: publish by 12 April.
        "2027-04-05 publication-reminder → lead@council.example",
        "2027-04-05 publication-reminder → clerk@council.example",
        "2027-04-09 publication-reminder → lead@council.example",
        "2027-04-09 publication-reminder → clerk@council.example",
        // Council (10 May): publish by 29 April (3 May is a bank holiday).
        "2027-04-22 publication-reminder → lead@council.example",
        "2027-04-22 publication-reminder → clerk@council.example",
        "2027-04-27 publication-reminder → lead@council.example",
        "2027-04-27 publication-reminder → clerk@council.example",
        // Adopted 10 May 2027: six-monthly and annual reports, reminders 14 days before (moved off weekends).
        "2027-10-27 progress-report-reminder → lead@council.example",
        "2028-04-26 progress-report-reminder → lead@council.example",
        "2028-10-27 progress-report-reminder → lead@council.example",
        "2029-04-26 progress-report-reminder → lead@council.example",
        "2029-10-29 progress-report-reminder → lead@council.example", // 10 November 2029 is a Saturday: due Monday 12th
        // Expires 31 May 2030, six months' lead time.
        "2029-11-30 next-review → lead@council.example",
    ];

    [Fact]
    public async Task A_whole_cycle_sends_exactly_the_expected_emails_on_the_expected_days()
    {
        var world = new CycleWorld(CycleSteps.Start);
        await using var h = await CycleHarness.StartAsync(world);
        var id = await h.StartRutlandAsync();

        await h.AdvanceToAsync(2027, 1, 4);
        foreach (var email in new[] { "riley@young.example", "casey@young.example", "pat@carers.example", "lee@carers.example", "chris@carers.example", "avery@health.example", "blair@health.example" })
        {
            await h.RespondAsync(id, email);
        }

        await h.AdvanceToAsync(2027, 2, 8);
        await h.RespondAsync(id, "drew@police.example");
        await h.AdvanceToAsync(2027, 2, 13);
        var afterConsultation = await h.ViewAsync(id);
        Assert.Equal(CycleStage.Drafting, afterConsultation.Stage);

        await h.AdvanceToAsync(2027, 3, 8);
        await h.Service.SubmitDraftAsync(id, CycleSteps.Draft("1.0"), People.Lead, "req-draft", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        await h.AdvanceToAsync(2027, 3, 9);
        await h.Service.SignOffAsync(id, true, null, People.Director, "req-sign", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        Assert.Equal(CycleStage.Ratification, (await h.ViewAsync(id)).Stage);

        await h.AdvanceToAsync(2027, 3, 30, 18);
        await h.Service.RecordDecisionAsync(id, CycleSteps.Decision("Corporate Parenting Panel", new(2027, 3, 30), Endorse), People.Clerk, "req-d1", CycleSteps.NewKey()).OkAsync();
        await h.AdvanceToAsync(2027, 4, 20, 18);
        await h.Service.RecordDecisionAsync(id, CycleSteps.Decision("Cabinet", new(2027, 4, 20), Recommend), People.Clerk, "req-d2", CycleSteps.NewKey()).OkAsync();
        await h.AdvanceToAsync(2027, 5, 10, 18);
        await h.Service.RecordDecisionAsync(id, CycleSteps.Decision("Council", new(2027, 5, 10), Adopt), People.Clerk, "req-d3", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        var adopted = await h.ViewAsync(id);
        Assert.Equal(CycleStage.Adopted, adopted.Stage);
        Assert.Equal(new DateOnly(2027, 5, 10), adopted.AdoptedOn);

        // Monitoring: progress reports until the next review is due (the wake-ups of two and a half years, one by one).
        await h.AdvanceToAsync(2029, 12, 1);
        using var wait = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var done = await h.Host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, wait.Token);
        foreach (var line in h.Log())
        {
            output.WriteLine(line);
        }

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        // Each line carries the day it was sent; within one day the stages (parent and child orchestrations) run concurrently,
        // so the order of same-day emails is not part of the behaviour.
        Assert.Equal(Expected.Order(StringComparer.Ordinal), h.Log().Order(StringComparer.Ordinal));
        Assert.All(h.Sent.GroupBy(s => s.Key), g => Assert.Single(g));
        // Each committee meeting became a calendar invitation for the clerk and the lead, once (the read model's listener).
        var invitations = h.Sent.Where(s => s.Category == "meeting-invitation").ToList();
        foreach (var body in new[] { "Corporate Parenting Panel", "Cabinet", "Council" })
        {
            Assert.Contains(invitations, s => s.To == "clerk@council.example" && s.Subject.Contains(body, StringComparison.Ordinal));
            Assert.Contains(invitations, s => s.To == "lead@council.example" && s.Subject.Contains(body, StringComparison.Ordinal));
        }

        var result = done.ReadOutputAs<ReviewCycleResult>()!;
        Assert.Equal(new DateOnly(2029, 11, 30), result.NextReviewNotifiedOn);
        var final = await h.ViewAsync(id);
        Assert.Equal(CycleStage.Adopted, final.Stage);
        Assert.Equal(8, final.Counts.ResponsesSubmitted);
        Assert.Equal(12, final.Counts.RequestsSent);
        Assert.Equal(["Corporate Parenting Panel", "Cabinet", "Council"], final.Decisions.Select(d => d.Body));

        // Young people get the plain-language request; everyone's link is personal and the same in the reminder.
        var toRiley = h.Sent.First(s => s.To == "morgan@young.example" && s.Category == "consultation-request");
        Assert.StartsWith("Have your say", toRiley.Subject);
        Assert.Contains("https://reviews.council.example/respond/", toRiley.Text);
        var reminder = h.Sent.First(s => s.To == "morgan@young.example" && s.Category == "consultation-reminder");
        Assert.Equal(Link(toRiley.Text), Link(reminder.Text));
        Assert.StartsWith("Your views on the", h.Sent.First(s => s.To == "dana@carers.example").Subject);
        Assert.Contains("Morgan (Voices Matter (Children in Care Council))", h.Sent.Single(s => s.Category == "consultation-escalation").Text);

        // The audit trail holds the story and its hash chain verifies.
        var audit = await h.Audit.ReadAllAsync(id);
        Assert.Equal(12, audit.Count(e => e.Action == ReviewWorkflow.Workflow.Audit.AuditActions.RequestSent));
        Assert.Contains(audit, e => e.Action == ReviewWorkflow.Workflow.Audit.AuditActions.DecisionRecorded && e.Actor == "clerk@council.example" && e.RequestId == "req-d3");
        Assert.Contains(audit, e => e.Action == ReviewWorkflow.Workflow.Audit.AuditActions.Adopted);
        Assert.True((await h.Audit.VerifyAsync(id)).Valid);

        await GoldenFiles.RecordIfAskedAsync(h, "whole-cycle", id);
    }

    private static string Link(string text) => text.Split('\n').First(l => l.Contains("/respond/", StringComparison.Ordinal));
}
