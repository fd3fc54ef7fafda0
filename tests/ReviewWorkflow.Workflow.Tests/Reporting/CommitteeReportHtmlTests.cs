using System.Xml;
using System.Xml.Linq;

namespace ReviewWorkflow.Workflow.Tests.Reporting;

[Collection(ReportScenarioGroup.Name)]
public sealed class CommitteeReportHtmlTests(ReportScenario scenario)
{
    private readonly XDocument _html = Parse(scenario.Html);

    [Fact]
    public void It_is_a_complete_en_GB_document_with_one_h1_and_headings_that_never_skip_a_level()
    {
        Assert.StartsWith("<!DOCTYPE html>", scenario.Html, StringComparison.Ordinal);
        var root = _html.Root!;
        Assert.Equal("html", root.Name.LocalName);
        Assert.Equal("en-GB", (string?)root.Attribute("lang"));
        Assert.NotNull(root.Element("head")?.Element("title"));
        var headings = Headings().ToList();
        Assert.Equal(1, headings.Count(h => h.Level == 1));
        Assert.Equal(1, headings[0].Level);
        Assert.All(headings.Zip(headings.Skip(1)), pair => Assert.True(pair.Second.Level <= pair.First.Level + 1, $"{pair.First.Text} → {pair.Second.Text}"));
    }

    [Fact]
    public void The_template_sections_come_in_order()
    {
        Assert.Equal(Template.Sections, Headings().Where(h => h.Level == 2).Select(h => h.Text));
        var consultation = Headings().SkipWhile(h => h.Text != "4. Consultation").Skip(1).TakeWhile(h => h.Level == 3).Select(h => h.Text);
        Assert.Equal(Template.ConsultationParts, consultation);
    }

    [Fact]
    public void Tables_have_captions_and_scoped_header_cells_and_nothing_is_scripted_or_styled_inline()
    {
        var tables = _html.Descendants("table").ToList();
        Assert.True(tables.Count >= 4);
        Assert.All(tables, t => Assert.Equal("caption", t.Elements().First().Name.LocalName));
        Assert.All(_html.Descendants("th"), th => Assert.Contains((string?)th.Attribute("scope"), new[] { "col", "row" }));
        Assert.Empty(_html.Descendants("script"));
        Assert.DoesNotContain(_html.Descendants().Attributes(), a => a.Name.LocalName == "style" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.Single(_html.Descendants("style"));
    }

    [Fact]
    public void The_figures_are_the_cycles()
    {
        Assert.Equal(["Voices Matter (Children in Care Council)", "Children and young people", "4", "2", "50%", "0", "0"], Row("Response rates by group", "Voices Matter (Children in Care Council)"));
        Assert.Equal(["All groups", "", "12", "4", "33%", "0", "0"], Row("Response rates by group", "All groups"));
        Assert.Equal(["2. are safe and in safe and stable placements", "2", "1", "1", "0", "4", "2"], Row("Views on each pledge from submitted responses", "2. are safe and in safe and stable placements"));
        Assert.Equal(["Pledge 4: prepared for adulthood", $"Help with moving on {ReportScenario.Script}", "Not linked to a theme", "", "A leaving-care offer published with the pledge."],
            Row("You said, we did", "Pledge 4: prepared for adulthood"));
        Assert.Equal(["Committee", "Corporate Parenting Panel"], Row("Report details", "Committee"));
        Assert.Equal(["Key decision", "No"], Row("Report details", "Key decision"));
    }

    [Fact]
    public void Script_and_formula_text_is_escaped_and_inert_and_young_peoples_words_are_not_quoted()
    {
        Assert.Equal(ReportScenario.Title, _html.Descendants("h1").Single().Value);
        Assert.DoesNotContain("<script>", scenario.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", scenario.Html, StringComparison.Ordinal);
        var theme = Row("You said, we did", "'" + ReportScenario.Formula)[0];
        Assert.Equal("'" + ReportScenario.Formula, theme);
        Assert.DoesNotContain(_html.Descendants().Where(e => !e.HasElements), e => e.Value.StartsWith('='));
        Assert.DoesNotContain(ReportScenario.SecretComment, scenario.Html, StringComparison.Ordinal);
        Assert.All(ReportScenario.YoungPeople, name => Assert.DoesNotContain(name, scenario.Html, StringComparison.Ordinal));
    }

    [Fact]
    public void Placeholders_are_marked_for_the_author()
    {
        var marked = _html.Descendants("strong").Where(s => (string?)s.Attribute("class") == "placeholder").ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, s => Assert.Equal("[To be completed by the report author]", s.Value));
        var financial = _html.Descendants("h3").Single(h => h.Value == "Financial").ElementsAfterSelf().First();
        Assert.Equal("[To be completed by the report author]", financial.Value);
    }

    private IEnumerable<(int Level, string Text)> Headings() =>
        _html.Descendants().Where(e => e.Name.LocalName is ['h', >= '1' and <= '6']).Select(e => (e.Name.LocalName[1] - '0', e.Value));

    private List<string> Row(string caption, string rowHeader)
    {
        var table = _html.Descendants("table").Single(t => t.Element("caption")!.Value == caption);
        var row = table.Element("tbody")!.Elements("tr").Single(r => r.Elements().First().Value == rowHeader);
        return [.. row.Elements().Select(c => c.Value)];
    }

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }
}
