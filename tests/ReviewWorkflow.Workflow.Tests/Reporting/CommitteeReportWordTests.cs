using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReviewWorkflow.Workflow.Tests.Reporting;

[Collection(ReportScenarioGroup.Name)]
public sealed class CommitteeReportWordTests(ReportScenario scenario)
{
    [Fact]
    public void It_opens_as_a_valid_Word_document_in_en_GB()
    {
        using var document = Open();
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Assert.Equal(ReportScenario.Title, document.PackageProperties.Title);
        Assert.Equal("en-GB", document.PackageProperties.Language);
        var languages = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Descendants<Languages>().Single();
        Assert.Equal("en-GB", languages.Val?.Value);
    }

    [Fact]
    public void The_template_headings_come_in_order_as_heading_styles()
    {
        var headings = Headings().ToList();
        Assert.Equal((1, ReportScenario.Title), headings[0]);
        Assert.Equal(1, headings.Count(h => h.Level == 1));
        Assert.Equal(Template.Sections, headings.Where(h => h.Level == 2).Select(h => h.Text));
        var html = XDocument.Parse(scenario.Html.Replace("<!DOCTYPE html>", "", StringComparison.Ordinal));
        var htmlHeadings = html.Descendants().Where(e => e.Name.LocalName is ['h', >= '1' and <= '6']).Select(e => (e.Name.LocalName[1] - '0', e.Value));
        Assert.Equal(htmlHeadings, headings);
    }

    [Fact]
    public void The_figures_are_the_cycles()
    {
        Assert.Equal(["All groups", "", "12", "4", "33%", "0", "0"], Row("Response rates by group", "All groups"));
        Assert.Equal(["Foster carers", "Carers", "4", "1", "25%", "0", "0"], Row("Response rates by group", "Foster carers"));
        Assert.Equal(["2. are safe and in safe and stable placements", "2", "1", "1", "0", "4", "2"], Row("Views on each pledge from submitted responses", "2. are safe and in safe and stable placements"));
        // No themes in this scenario: the entry is linked to none (YouSaidWeDidReportTests covers the counts and quotes).
        Assert.Equal(["'" + ReportScenario.Formula, "Too many placement moves.", "Not linked to a theme", "", "A placement stability target in the scorecard."],
            Row("You said, we did", "'" + ReportScenario.Formula));
        Assert.Equal(["Report to be published by", "18 March 2027"], Row("Report details", "Report to be published by"));
    }

    [Fact]
    public void Tables_have_captions_and_repeating_header_rows_and_lists_are_real_lists()
    {
        using var document = Open();
        var body = document.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<Table>().ToList();
        Assert.True(tables.Count >= 4);
        Assert.All(tables, t =>
        {
            Assert.False(string.IsNullOrEmpty(t.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value));
            Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
        });
        var recommendations = body.Elements<Paragraph>().SkipWhile(p => p.InnerText != "Recommendations").Skip(1).TakeWhile(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.Equal(2, recommendations.Count);
        Assert.StartsWith("Corporate Parenting Panel is asked to consider the draft", recommendations[0].InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void User_text_is_plain_text_runs_never_fields_or_markup_and_young_peoples_words_are_not_quoted()
    {
        using var document = Open();
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Empty(body.Descendants<FieldCode>());
        Assert.Empty(body.Descendants<SimpleField>());
        Assert.Empty(body.Descendants<FieldChar>());
        Assert.Empty(body.Descendants<Hyperlink>());
        Assert.Empty(body.Descendants<OpenXmlUnknownElement>());
        Assert.DoesNotContain(body.Descendants<Text>(), t => t.Text.StartsWith('='));
        Assert.Contains(body.Descendants<Text>(), t => t.Text == ReportScenario.Title);
        Assert.Contains(body.Descendants<Text>(), t => t.Text == $"Help with moving on {ReportScenario.Script}");

        var xml = Xml();
        Assert.DoesNotContain("<script>", xml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", xml, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportScenario.SecretComment, xml, StringComparison.Ordinal);
        Assert.All(ReportScenario.YoungPeople, name => Assert.DoesNotContain(name, xml, StringComparison.Ordinal));
    }

    [Fact]
    public void Placeholders_are_bold_bracketed_and_highlighted()
    {
        using var document = Open();
        var placeholders = document.MainDocumentPart!.Document!.Body!.Descendants<Run>().Where(r => r.InnerText == "[To be completed by the report author]").ToList();
        Assert.NotEmpty(placeholders);
        Assert.All(placeholders, r =>
        {
            Assert.NotNull(r.RunProperties?.Bold);
            Assert.Equal(HighlightColorValues.Yellow, r.RunProperties?.Highlight?.Val?.Value);
        });
    }

    private WordprocessingDocument Open() => WordprocessingDocument.Open(new MemoryStream(scenario.Docx), false);

    private string Xml()
    {
        using var document = Open();
        using var reader = new StreamReader(document.MainDocumentPart!.GetStream());
        return reader.ReadToEnd();
    }

    private IEnumerable<(int Level, string Text)> Headings()
    {
        using var document = Open();
        return [.. document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, p.InnerText))
            .Where(p => p.Style is not null && p.Style.StartsWith("Heading", StringComparison.Ordinal))
            .Select(p => (p.Style![^1] - '0', p.InnerText))];
    }

    private List<string> Row(string caption, string rowHeader)
    {
        using var document = Open();
        var table = document.MainDocumentPart!.Document!.Body!.Elements<Table>()
            .Single(t => t.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value == caption);
        var row = table.Elements<TableRow>().Skip(1).Single(r => r.Elements<TableCell>().First().InnerText == rowHeader);
        return [.. row.Elements<TableCell>().Select(c => c.InnerText)];
    }
}
