using ReviewWorkflow.Workflow.Tests.Fixtures;
using static ReviewWorkflow.Workflow.Domain.DecisionOutcome;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>
/// Issue 17, point 6: with the Panel's decision unrecorded, nobody is told to publish the Cabinet or Council reports;
/// the missing decision is escalated to the clerk and the lead every week until it is recorded; then the later
/// bodies' reminders follow (late rather than never).
/// </summary>
public sealed class StuckDecisionTests
{
    private const string Panel = "Corporate Parenting Panel";

    [Fact]
    public async Task Later_bodies_wait_for_the_panel_and_its_missing_decision_is_escalated_weekly_to_clerk_and_lead()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.ToRatificationAsync(id);

        await h.AdvanceToAsync(2027, 4, 22); // the Panel met on 30 March; nothing recorded for three weeks

        Assert.DoesNotContain(h.Sent, s => s.Category == "publication-reminder" && !s.Subject.Contains(Panel, StringComparison.Ordinal));
        var escalations = h.Sent.Where(s => s.Category == "decision-due").Select(s => s.ToString()).ToList();
        Assert.Equal(
            ["2027-03-31 decision-due → clerk@council.example", "2027-03-31 decision-due → lead@council.example",
             "2027-04-07 decision-due → clerk@council.example", "2027-04-07 decision-due → lead@council.example",
             "2027-04-14 decision-due → clerk@council.example", "2027-04-14 decision-due → lead@council.example",
             "2027-04-21 decision-due → clerk@council.example", "2027-04-21 decision-due → lead@council.example"],
            escalations);

        await h.Service.RecordDecisionAsync(id, CycleSteps.Decision(Panel, new(2027, 3, 30), Endorse), People.Clerk, "req-e", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        await h.AdvanceToAsync(2027, 4, 29);

        // Cabinet's publication reminders (2 and 7 April... before 12 April) now go, once, late; no more Panel escalations.
        Assert.Contains(h.Sent, s => s.Category == "publication-reminder" && s.Subject.Contains("Cabinet", StringComparison.Ordinal) && s.Day == new DateOnly(2027, 4, 22));
        Assert.DoesNotContain(h.Sent, s => s.Category == "decision-due" && s.Day > new DateOnly(2027, 4, 22) && s.Subject.Contains(Panel, StringComparison.Ordinal));
    }
}
