using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReviewWorkflow.Workflow.Reporting;

/// <summary>
/// The committee report as a Word document (.docx): real heading styles (the navigation pane and screen readers see
/// the structure), real numbered and bulleted lists, tables with a caption, alternative-text title and a repeating
/// header row, document language en-GB. Every text is a plain text run (never a field or raw XML); placeholders are
/// bold, bracketed and highlighted for the author.
/// </summary>
public static class CommitteeReportWord
{
    public static void Write(CommitteeReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = WordStyles.Create();
            var lists = new WordLists();
            var body = new Body();
            foreach (var block in ReportLayout.Blocks(report))
            {
                body.Append(Elements(block, lists));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document = new Document(body);
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = lists.Numbering();
            document.PackageProperties.Title = ReportLayout.Safe(report.Title);
            document.PackageProperties.Subject = "Committee report";
            document.PackageProperties.Language = "en-GB";
            document.PackageProperties.Creator = "ReviewWorkflow";
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static IEnumerable<OpenXmlElement> Elements(ReportBlock block, WordLists lists) => block switch
    {
        HeadingBlock h => [Paragraph(h.Text, $"Heading{h.Level}")],
        ParagraphBlock p => [Paragraph(p.Text)],
        ListBlock l => List(l, lists),
        TableBlock t => [Paragraph(t.Caption, "Caption", keepNext: true), Table(t)],
        _ => throw new InvalidOperationException($"No Word element for {block.GetType().Name}."),
    };

    private static IEnumerable<OpenXmlElement> List(ListBlock list, WordLists lists)
    {
        var numbering = lists.Add(list.Ordered);
        return list.Items.Select(item =>
        {
            var paragraph = new Paragraph(new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numbering })));
            paragraph.Append(Runs(item, bold: false));
            return paragraph;
        });
    }

    private static Paragraph Paragraph(string text, string? style = null, bool keepNext = false)
    {
        var paragraph = new Paragraph();
        if (style is not null || keepNext)
        {
            var properties = new ParagraphProperties();
            if (style is not null)
            {
                properties.Append(new ParagraphStyleId { Val = style });
            }

            if (keepNext)
            {
                properties.Append(new KeepNext());
            }

            paragraph.Append(properties);
        }

        paragraph.Append(Runs(text, bold: false));
        return paragraph;
    }

    private static Table Table(TableBlock block)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "ReportTable" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook { Val = "04A0", FirstRow = true, FirstColumn = block.RowHeaders, LastRow = false, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true },
            new TableCaption { Val = block.Caption }));
        table.Append(new TableGrid(block.Columns.Select(_ => new GridColumn())));
        table.Append(Row(block.Columns, header: true, rowHeaders: false));
        foreach (var row in block.Rows)
        {
            table.Append(Row(row, header: false, block.RowHeaders));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header, bool rowHeaders)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new CantSplit(), new TableHeader()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var paragraph = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }));
            paragraph.Append(Runs(cells[i], bold: header || (rowHeaders && i == 0)));
            row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto, Width = "0" }), paragraph));
        }

        return row;
    }

    /// <summary>Text runs, a line break for each newline; the placeholder bold, bracketed and highlighted.</summary>
    private static IEnumerable<Run> Runs(string text, bool bold)
    {
        if (ReportText.IsPlaceholder(text))
        {
            yield return new Run(
                new RunProperties(new Bold(), new Highlight { Val = HighlightColorValues.Yellow }),
                new Text($"[{text}]") { Space = SpaceProcessingModeValues.Preserve });
            yield break;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run();
            if (bold)
            {
                run.Append(new RunProperties(new Bold()));
            }

            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            yield return run;
        }
    }
}
