using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Reporting;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Reporting;

/// <summary>The builder on cycle states the runtime scenario does not reach: adopted after a deferral, and before any consultee or draft.</summary>
public sealed class CommitteeReportBuilderTests
{
    private static readonly ReviewCycleDefinition Definition = RutlandLikeCycle.Definition;

    [Fact]
    public void An_adopted_cycle_reports_to_the_deciding_body_with_each_decision_on_the_route()
    {
        var route = Definition.Route.Select((r, i) => i == 1 ? r with { MeetingDate = new DateOnly(2027, 4, 27) } : r).ToList();
        var view = View(CycleStage.Adopted) with
        {
            Route = route,
            AdoptedOn = new DateOnly(2027, 5, 10),
            Decisions =
            [
                new DecisionSummary("Corporate Parenting Panel", new DateOnly(2027, 3, 30), DecisionOutcome.Endorse, "CPP/12", null, null),
                new DecisionSummary("Cabinet", new DateOnly(2027, 4, 20), DecisionOutcome.Defer, "CAB/40", null, new DateOnly(2027, 4, 27)),
                new DecisionSummary("Cabinet", new DateOnly(2027, 4, 27), DecisionOutcome.Recommend, "CAB/41", null, null),
                new DecisionSummary("Council", new DateOnly(2027, 5, 10), DecisionOutcome.Adopt, "C/77", null, null),
            ],
        };

        var report = CommitteeReportBuilder.Build(new ReportInputs(view, new CycleReportSource(Definition, CouncilSettings.Default, null, 0), [], [], new DateOnly(2027, 5, 11)));

        Assert.Equal(("Council", true), (report.Header.Committee, report.Recommendations[0].Contains("approve and adopt", StringComparison.Ordinal)));
        Assert.Equal(
            ["Endorsed on 30 March 2027 (minute CPP/12)", "Deferred to 27 April 2027 on 20 April 2027 (minute CAB/40); Recommended on 27 April 2027 (minute CAB/41)", "Adopted on 10 May 2027 (minute C/77)"],
            report.Timescales.Route.Select(r => r.Decision));
        Assert.Equal(new DateOnly(2027, 4, 27), report.Timescales.Route[1].MeetingDate);
        Assert.Contains("Adopted on 10 May 2027.", report.Timescales.Summary);
    }

    [Fact]
    public void Before_consultees_are_resolved_and_a_draft_is_in_the_report_says_so_instead_of_inventing()
    {
        var report = CommitteeReportBuilder.Build(new ReportInputs(View(CycleStage.Consultation), new CycleReportSource(Definition, CouncilSettings.Default, null, 0), [], [], new DateOnly(2027, 1, 5)));

        Assert.Equal("Corporate Parenting Panel", report.Header.Committee);
        Assert.Equal([4, 4, 4], report.Consultation.Groups.Select(g => g.Consulted));
        Assert.Equal(0, report.Consultation.Total.Responded);
        Assert.Empty(report.Consultation.YouSaidWeDid);
        Assert.True(ReportText.IsPlaceholder(Assert.Single(report.Appendices[0].Content)));
        var html = CommitteeReportHtml.Render(report);
        Assert.Contains("No draft with a &quot;you said, we did&quot; record has been submitted yet.", html, StringComparison.Ordinal);
        Assert.Contains("No draft has been submitted yet.", html, StringComparison.Ordinal);
        using var docx = new MemoryStream();
        CommitteeReportWord.Write(report, docx);
        Assert.True(docx.Length > 0);
    }

    private static CycleView View(CycleStage stage) => new()
    {
        CycleId = Definition.Id,
        Title = Definition.Strategy.Title,
        Stage = stage,
        Lead = Definition.Lead,
        ConsultationOpens = Definition.Consultation.Opens,
        ConsultationCloses = Definition.Consultation.Closes,
        DraftingDeadline = Definition.DraftingDeadline,
        Route = Definition.Route,
        DirectorSignOff = Definition.DirectorSignOff,
        StartedAt = CycleSteps.Start,
    };
}
