using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Reporting;
using ReviewWorkflow.Workflow.Tests.Analysis;

namespace ReviewWorkflow.Workflow.Tests.Reporting;

/// <summary>
/// The committee report's "you said, we did" with the lead's themes (issue 18): each entry linked to a theme shows how
/// many submitted responses carry it and the chosen quotes, in the model, the HTML and the Word document alike; a quote
/// of hostile text (script, formula, CR/LF, right-to-left override, 10,000 characters) stays text.
/// </summary>
public sealed class YouSaidWeDidReportTests
{
    private const int N = 300;
    private const string Hostile = "=HYPERLINK(\"https://evil.example/\")<script>alert(1)</script>\r\nnext line \u202Egnp.exe\u202C ";

    private static readonly DraftSubmission Draft = new()
    {
        Version = "1.0",
        DocumentUrl = "https://docs.council.example/offer-1.0.docx",
        YouSaidWeDid =
        [
            new YouSaidWeDid { Theme = "Housing", ThemeId = "t-housing", YouSaid = "Help finding a home.", WeDid = "A housing pathway." },
            new YouSaidWeDid { Theme = "School", YouSaid = "More help with school.", WeDid = "A virtual school contact." },
            new YouSaidWeDid { Theme = "Something else", YouSaid = "Other things.", WeDid = "Noted." },
        ],
    };

    private static readonly int[] Housing = [.. SeededCycle.SubmittedIndexes(N).Where(SeededCycle.Housing)];
    private static readonly int[] School = [.. SeededCycle.SubmittedIndexes(N).Where(SeededCycle.General)];

    private static CommitteeReport Build()
    {
        var stored = SeededCycle.StoredAll(N);
        var hostileAt = stored.FindIndex(r => r.ConsulteeId == SeededCycle.Id(0));
        var first = stored[hostileAt];
        stored[hostileAt] = first with { Content = first.Content with { Answers = [first.Content.Answers[0] with { Comment = Hostile + new string('x', 10_000) }, .. first.Content.Answers.Skip(1)] } };
        var themes = new ThemeSet(
            [
                new Theme { Id = "t-housing", Name = "Housing", Quotes = [new ThemeQuote(SeededCycle.Id(0), TagPart.ForPledge(1)), new ThemeQuote(SeededCycle.Id(5), TagPart.ForPledge(1))] },
                new Theme { Id = "t-school", Name = "School" },
            ],
            [
                .. Housing.Select(i => new ThemeTag("t-housing", SeededCycle.Id(i), TagPart.ForPledge(1), "lead@council.example", default)),
                .. School.Select(i => new ThemeTag("t-school", SeededCycle.Id(i), TagPart.General, "lead@council.example", default)),
            ]);
        return CommitteeReportBuilder.Build(new ReportInputs(SeededCycle.View(N), SeededCycle.Source(N, Draft), SeededCycle.Consultees(N), stored, new DateOnly(2027, 3, 1), themes));
    }

    [Fact]
    public void Each_entry_counts_the_responses_tagged_with_its_theme()
    {
        var rows = Build().Consultation.YouSaidWeDid;

        Assert.Equal(Housing.Length, rows[0].Said);
        Assert.Equal(School.Length, rows[1].Said); // linked by the theme's name
        Assert.Null(rows[2].Said);
        Assert.Equal(2, rows[0].Quotes!.Count);
        Assert.EndsWith("(a child or young person)", rows[0].Quotes![0], StringComparison.Ordinal);
        Assert.DoesNotContain(rows.SelectMany(r => r.Quotes ?? []), q => q.Contains("Consultee ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_html_shows_the_counts_and_the_hostile_quote_as_text()
    {
        var html = CommitteeReportHtml.Render(Build());

        Assert.Contains($"<td>{Housing.Length} responses</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{School.Length} responses</td>", html, StringComparison.Ordinal);
        Assert.Contains("Not linked to a theme", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', ThemeRules.QuoteLength), html, StringComparison.Ordinal);
        XDocument.Parse(html.Replace("<!DOCTYPE html>", "", StringComparison.Ordinal)); // still well-formed
    }

    [Fact]
    public void The_word_document_shows_the_same_counts_and_quotes_as_plain_text()
    {
        using var stream = new MemoryStream();
        CommitteeReportWord.Write(Build(), stream);
        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);
        var rows = document.MainDocumentPart!.Document.Body!.Descendants<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => string.Join("\n", c.Descendants<Paragraph>().Select(p => p.InnerText))).ToList())
            .ToList();

        var housing = rows.Single(r => r[0] == "Housing" && r.Count == 5);
        Assert.Equal($"{Housing.Length} responses", housing[2]);
        Assert.StartsWith("“=HYPERLINK(\"https://evil.example/\")<script>alert(1)</script> next line \u202Egnp.exe\u202C", housing[3], StringComparison.Ordinal);
        Assert.Contains("(a carer)", housing[3], StringComparison.Ordinal);
        Assert.Equal($"{School.Length} responses", rows.Single(r => r[0] == "School" && r.Count == 5)[2]);
        Assert.DoesNotContain(document.MainDocumentPart.Document.Body.Descendants(), e => e.LocalName == "script");
    }
}
