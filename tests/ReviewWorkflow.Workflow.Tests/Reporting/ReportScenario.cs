using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Reporting;
using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Reporting;

/// <summary>
/// One Rutland-like cycle run through the real runtime to ratification (report with the Corporate Parenting Panel):
/// four of twelve consultees submit (two young people, one carer, one partner), one young person only saves; the
/// title, a "you said" theme and the consultees' comments carry script and spreadsheet-formula text. The report is
/// built once while the draft waits for sign-off and once after, then shared by the Reporting tests.
/// </summary>
public sealed class ReportScenario : IAsyncLifetime
{
    public const string Script = "<script>alert(1)</script>";
    public const string Formula = "=HYPERLINK(\"https://evil.example/\",\"Pledge 2\")";
    public const string SecretComment = "Riley's secret about foster home 12";

    public static readonly string Title = $"Children in Care Pledge 2027-2030 {Script}";

    /// <summary>People and addresses of the young people consulted: none may appear in a report.</summary>
    public static readonly string[] YoungPeople = ["Riley", "Casey", "Morgan", "Jamie", "@young.example"];

    private CycleHarness? _harness;

    public CommitteeReport Report { get; private set; } = new();

    /// <summary>The report while the draft waited for the director (the draft then lives only in drafting history).</summary>
    public CommitteeReport ReportBeforeSignOff { get; private set; } = new();

    public CommitteeReport? Missing { get; private set; }

    public byte[] Docx { get; private set; } = [];

    public string Html { get; private set; } = "";

    public DraftSubmission Draft { get; } = new()
    {
        Version = "1.0",
        DocumentUrl = "https://docs.council.example/cic-pledge-1.0.docx",
        YouSaidWeDid =
        [
            new YouSaidWeDid { Theme = Formula, YouSaid = "Too many placement moves.", WeDid = "A placement stability target in the scorecard." },
            new YouSaidWeDid { Theme = "Pledge 4: prepared for adulthood", YouSaid = $"Help with moving on {Script}", WeDid = "A leaving-care offer published with the pledge." },
        ],
    };

    public async Task InitializeAsync()
    {
        var h = _harness = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync(RutlandLikeCycle.Definition with
        {
            Id = "report-2027",
            Strategy = RutlandLikeCycle.Definition.Strategy with { Title = Title },
        });
        await h.AdvanceToAsync(2027, 1, 5);

        await SubmitAsync(h, id, "riley@young.example", SecretComment,
            (1, PledgeView.Agree, null), (2, PledgeView.Partly, $"{Script} {Formula}"));
        await SubmitAsync(h, id, "casey@young.example", null,
            (1, PledgeView.Agree, null), (2, PledgeView.Disagree, "Casey moved three times."));
        await SubmitAsync(h, id, "pat@carers.example", "More respite for carers.",
            (2, PledgeView.Agree, null), (4, PledgeView.DontKnow, null));
        await SubmitAsync(h, id, "avery@health.example", null,
            (1, PledgeView.Partly, null), (2, PledgeView.Agree, null));
        var rules = await h.Service.GetResponseRulesAsync(id) ?? throw new InvalidOperationException("no cycle");
        var saved = await h.Responses.SaveAsync(id, ConsulteeId.For("morgan@young.example"),
            new ResponseContent { Answers = [new PledgeAnswer { Pledge = 2, View = PledgeView.Disagree }] }, "morgan@young.example", null, rules);
        Assert.True(saved.Succeeded, saved.Message);

        await h.AdvanceToAsync(2027, 3, 8);
        await h.Service.SubmitDraftAsync(id, Draft, People.Lead, "req-draft", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        var reports = h.Host.Services.GetRequiredService<CommitteeReportService>();
        ReportBeforeSignOff = await reports.BuildAsync(id) ?? throw new InvalidOperationException("no report");
        await h.Service.SignOffAsync(id, true, null, People.Director, "req-sign", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        Assert.Equal(CycleStage.Ratification, (await h.ViewAsync(id)).Stage);

        Report = await reports.BuildAsync(id) ?? throw new InvalidOperationException("no report");
        Missing = await reports.BuildAsync("no-such-cycle");
        using var docx = new MemoryStream();
        CommitteeReportWord.Write(Report, docx);
        Docx = docx.ToArray();
        Html = CommitteeReportHtml.Render(Report);
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    private static async Task SubmitAsync(CycleHarness h, string id, string email, string? comments, params (int Pledge, PledgeView View, string? Comment)[] answers)
    {
        var rules = await h.Service.GetResponseRulesAsync(id) ?? throw new InvalidOperationException("no cycle");
        var outcome = await h.Responses.SubmitAsync(id, ConsulteeId.For(email), email, null, rules, new ResponseContent
        {
            Comments = comments,
            Answers = [.. answers.Select(a => new PledgeAnswer { Pledge = a.Pledge, View = a.View, Comment = a.Comment })],
        });
        Assert.True(outcome.Succeeded, outcome.Message);
    }
}

[CollectionDefinition(Name)]
public sealed class ReportScenarioGroup : ICollectionFixture<ReportScenario>
{
    public const string Name = "Reporting";
}

/// <summary>The template's section headings, in order (the h2 level in HTML, Heading 2 in Word).</summary>
internal static class Template
{
    public static readonly string[] Sections =
    [
        "Report details",
        "Recommendations",
        "1. Purpose and reason for the report",
        "2. Timescales and key decision",
        "3. Background and key issues",
        "4. Consultation",
        "5. Anticipated outcomes and impact",
        "6. Reasons for the recommendations",
        "7. Alternative options considered",
        "8. Implications",
        "9. Background documents",
        "10. Appendices",
        "Other formats",
    ];

    public static readonly string[] ConsultationParts = ["Who was consulted and when", "Response rates", "Views on each pledge", "Themes", "You said, we did"];
}
