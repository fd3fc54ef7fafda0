using DocumentFormat.OpenXml.Wordprocessing;

namespace ReviewWorkflow.Workflow.Reporting;

/// <summary>The report's styles: Arial 12pt, en-GB; headings with outline levels; caption; a bordered table style.</summary>
internal static class WordStyles
{
    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                new FontSize { Val = "24" },
                new FontSizeComplexScript { Val = "24" },
                new Languages { Val = "en-GB", EastAsia = "en-GB", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "160", Line = "300", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        Heading(1, "40", "480"),
        Heading(2, "32", "360"),
        Heading(3, "26", "240"),
        new Style(
            new StyleName { Val = "caption" },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" }),
            new StyleRunProperties(new Bold()))
        { Type = StyleValues.Paragraph, StyleId = "Caption" },
        new Style(
            new StyleName { Val = "List Paragraph" },
            new BasedOn { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "80" }))
        { Type = StyleValues.Paragraph, StyleId = "ListParagraph" },
        new Style(
            new StyleName { Val = "Report Table" },
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "B1B4B6" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "B1B4B6" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "B1B4B6" },
                    new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "B1B4B6" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "B1B4B6" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "B1B4B6" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "ReportTable" });

    private static Style Heading(int level, string size, string before) => new(
        new StyleName { Val = $"heading {level}" },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new PrimaryStyle(),
        new StyleParagraphProperties(
            new KeepNext(),
            new KeepLines(),
            new SpacingBetweenLines { Before = before, After = "120" },
            new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(new Bold(), new FontSize { Val = size }, new FontSizeComplexScript { Val = size }))
    { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };
}
