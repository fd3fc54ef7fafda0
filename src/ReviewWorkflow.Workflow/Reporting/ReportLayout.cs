using System.Globalization;
using System.Text;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Reporting;

/// <summary>A piece of the rendered report; both renderers walk the same list, so Word and HTML have the same headings in the same order.</summary>
internal abstract record ReportBlock;

/// <summary>Level 1 is the title (one per report), 2 a template section, 3 a part of one.</summary>
internal sealed record HeadingBlock(int Level, string Text) : ReportBlock;

/// <summary>A paragraph; exactly <see cref="ReportText.Placeholder"/> is shown marked for the author.</summary>
internal sealed record ParagraphBlock(string Text) : ReportBlock;

internal sealed record ListBlock(IReadOnlyList<string> Items, bool Ordered) : ReportBlock;

/// <summary>A table with column headers; with <see cref="RowHeaders"/>, each row's first cell heads its row.</summary>
internal sealed record TableBlock(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, bool RowHeaders) : ReportBlock;

/// <summary>The committee report template as an ordered list of blocks. All text is made inert and XML-safe here.</summary>
internal static class ReportLayout
{
    public static IReadOnlyList<ReportBlock> Blocks(CommitteeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var blocks = new List<ReportBlock> { new HeadingBlock(1, report.Title) };
        Header(report, blocks);
        blocks.Add(new HeadingBlock(2, "Recommendations"));
        blocks.Add(new ListBlock(report.Recommendations, Ordered: true));
        Section(blocks, "1. Purpose and reason for the report", report.Purpose);
        Timescales(report.Timescales, blocks);
        Section(blocks, "3. Background and key issues", report.Background);
        blocks.Add(new ListBlock(report.Pledges, Ordered: true));
        Consultation(report, blocks);
        Section(blocks, "5. Anticipated outcomes and impact", report.AnticipatedOutcomes);
        Section(blocks, "6. Reasons for the recommendations", report.ReasonsForRecommendation);
        Section(blocks, "7. Alternative options considered", report.AlternativeOptions);
        blocks.Add(new HeadingBlock(2, "8. Implications"));
        foreach (var implication in report.Implications)
        {
            Section(blocks, implication.Area, implication.Paragraphs, level: 3);
        }

        Section(blocks, "9. Background documents", report.BackgroundDocuments);
        blocks.Add(new HeadingBlock(2, "10. Appendices"));
        foreach (var appendix in report.Appendices)
        {
            Section(blocks, $"Appendix {appendix.Letter}: {appendix.Title}", appendix.Content, level: 3);
        }

        Section(blocks, "Other formats", [report.AccessibleFormats, $"Generated from review cycle {report.CycleId} on {Format(report.GeneratedOn)}."]);
        return [.. blocks.Select(Clean)];
    }

    private static void Header(CommitteeReport report, List<ReportBlock> blocks)
    {
        var h = report.Header;
        blocks.Add(new HeadingBlock(2, "Report details"));
        blocks.Add(new TableBlock("Report details", ["Item", "Detail"],
        [
            ["Committee", h.Committee],
            ["Meeting date", h.MeetingDate is { } m ? Format(m) : ReportText.Placeholder],
            ["Agenda item", h.AgendaItem],
            ["Public or exempt", h.Status],
            ["Exempt information", h.Exempt],
            ["Report of", h.ReportOf],
            ["Cabinet member(s) responsible", h.CabinetMembers],
            ["Contact officer", h.ContactOfficer],
            ["Service", h.Service],
            ["Key decision", h.KeyDecision ? "Yes" : "No"],
            ["Forward plan reference", h.ForwardPlanReference],
            ["Wards affected", h.Wards],
            ["Report to be published by", h.PublishBy is { } p ? Format(p) : ReportText.Placeholder],
        ], RowHeaders: true));
    }

    private static void Timescales(ReportTimescales timescales, List<ReportBlock> blocks)
    {
        blocks.Add(new HeadingBlock(2, "2. Timescales and key decision"));
        blocks.Add(new ParagraphBlock("Is this a major policy framework item or statutory plan?"));
        blocks.Add(new ParagraphBlock(timescales.PolicyFramework));
        blocks.AddRange(timescales.Summary.Select(s => new ParagraphBlock(s)));
        blocks.Add(new TableBlock("Route, statutory dates and decisions", ["Body", "Meeting", "Key decision", "Publish report by", "Key decision notice by", "Decision"],
            [.. timescales.Route.Select(r => (IReadOnlyList<string>)[r.Body, Format(r.MeetingDate), r.KeyDecision ? "Yes" : "No", Format(r.PublishBy),
                r.KeyDecisionNoticeBy is { } n ? Format(n) : "Not applicable", r.Decision])], RowHeaders: true));
    }

    private static void Consultation(CommitteeReport report, List<ReportBlock> blocks)
    {
        var c = report.Consultation;
        blocks.Add(new HeadingBlock(2, "4. Consultation"));
        blocks.Add(new HeadingBlock(3, "Who was consulted and when"));
        blocks.AddRange(c.Overview.Select(o => new ParagraphBlock(o)));
        blocks.Add(new HeadingBlock(3, "Response rates"));
        blocks.Add(new TableBlock("Response rates by group", ["Group", "Who", "Consulted", "Responded", "Response rate", "Late", "Emails not delivered"],
            [.. c.Groups.Append(c.Total).Select(g => (IReadOnlyList<string>)[g.Group, g.Audience, Number(g.Consulted), Number(g.Responded), $"{Number(g.RatePercent)}%", Number(g.Late), Number(g.Bounced)])],
            RowHeaders: true));
        var item = c.ItemLabel.ToLowerInvariant();
        blocks.Add(new HeadingBlock(3, $"Views on each {item}"));
        blocks.Add(new TableBlock($"Views on each {item} from submitted responses", [c.ItemLabel, "Agree", "Partly agree", "Disagree", "Don't know", "Answers", "Comments"],
            [.. c.Pledges.Select(p => (IReadOnlyList<string>)[$"{Number(p.Pledge)}. {p.Text}", Number(p.Agree), Number(p.Partly), Number(p.Disagree), Number(p.DontKnow), Number(p.Answers), Number(p.Comments)])],
            RowHeaders: true));
        blocks.Add(new HeadingBlock(3, "Themes"));
        blocks.Add(new ListBlock(c.Themes, Ordered: false));
        blocks.Add(new HeadingBlock(3, "You said, we did"));
        if (c.YouSaidWeDid.Count == 0)
        {
            blocks.Add(new ParagraphBlock("No draft with a \"you said, we did\" record has been submitted yet."));
        }
        else
        {
            blocks.Add(new TableBlock("You said, we did", ["Theme", "You said", "How many said it", "In their words", "We did"],
                [.. c.YouSaidWeDid.Select(y => (IReadOnlyList<string>)[y.Theme, y.YouSaid, Said(y.Said), string.Join("\n", y.Quotes ?? []), y.WeDid])], RowHeaders: true));
        }
    }

    private static void Section(List<ReportBlock> blocks, string heading, IReadOnlyList<string> paragraphs, int level = 2)
    {
        blocks.Add(new HeadingBlock(level, heading));
        blocks.AddRange(paragraphs.Select(p => new ParagraphBlock(p)));
    }

    private static string Said(int? said) => said switch
    {
        null => "Not linked to a theme",
        1 => "1 response",
        _ => $"{Number(said.Value)} responses",
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static ReportBlock Clean(ReportBlock block) => block switch
    {
        HeadingBlock h => h with { Text = Safe(h.Text) },
        ParagraphBlock p => p with { Text = Safe(p.Text) },
        ListBlock l => l with { Items = [.. l.Items.Select(Safe)] },
        TableBlock t => t with { Caption = Safe(t.Caption), Columns = [.. t.Columns.Select(Safe)], Rows = [.. t.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(Safe)])] },
        _ => block,
    };

    /// <summary>Inert (no leading formula character) and only characters XML can hold (control characters dropped).</summary>
    internal static string Safe(string? text)
    {
        var inert = ReportText.Inert(text);
        var builder = new StringBuilder(inert.Length);
        for (var i = 0; i < inert.Length; i++)
        {
            var c = inert[i];
            if (char.IsHighSurrogate(c) && i + 1 < inert.Length && char.IsLowSurrogate(inert[i + 1]))
            {
                builder.Append(c).Append(inert[++i]);
            }
            else if (c is '\n' or '\t' || (System.Xml.XmlConvert.IsXmlChar(c) && c != '\r'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
