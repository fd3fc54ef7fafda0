using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ReviewWorkflow.Workflow.Reporting;

/// <summary>
/// The committee report as one accessible HTML5 document: lang="en-GB", one h1 and ordered headings, tables with a
/// caption and scoped header cells, no script and no style attributes (one style element, and it reads without it).
/// Every text is HTML-encoded; the markup is also well-formed XML, so it can be checked by any parser.
/// </summary>
public static class CommitteeReportHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// The CSP source for the report's one <c>&lt;style&gt;</c> element (<c>'sha256-…'</c> of its exact text), so an app
    /// whose policy forbids inline style can allow this style and nothing else when it serves the report.
    /// </summary>
    public static string StyleHashSource { get; } =
        "'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("\n" + Css + "\n"))) + "'";

    private const string Css = """
        body { font-family: Arial, sans-serif; line-height: 1.5; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #0b0c0c; }
        table { border-collapse: collapse; margin: 0 0 1.5rem; width: 100%; }
        caption { font-weight: bold; text-align: left; padding: 0.5rem 0; }
        th, td { border: 1px solid #b1b4b6; padding: 0.4rem; text-align: left; vertical-align: top; }
        thead th { background: #f3f2f1; }
        .placeholder { background: #fff7bf; outline: 2px dashed #b58800; }
        @media print { body { max-width: none; } }
        """;

    public static string Render(CommitteeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var blocks = ReportLayout.Blocks(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>").Append(E(report.Title)).Append(" – committee report</title>\n")
            .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        foreach (var block in blocks)
        {
            Append(html, block);
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static void Append(StringBuilder html, ReportBlock block)
    {
        switch (block)
        {
            case HeadingBlock h:
                html.Append("<h").Append(h.Level).Append('>').Append(E(h.Text)).Append("</h").Append(h.Level).Append(">\n");
                break;
            case ParagraphBlock p:
                html.Append("<p>").Append(Text(p.Text)).Append("</p>\n");
                break;
            case ListBlock l:
                var tag = l.Ordered ? "ol" : "ul";
                html.Append('<').Append(tag).Append(">\n");
                foreach (var item in l.Items)
                {
                    html.Append("<li>").Append(Text(item)).Append("</li>\n");
                }

                html.Append("</").Append(tag).Append(">\n");
                break;
            case TableBlock t:
                Table(html, t);
                break;
            default:
                throw new InvalidOperationException($"No HTML for {block.GetType().Name}.");
        }
    }

    private static void Table(StringBuilder html, TableBlock table)
    {
        html.Append("<table>\n<caption>").Append(E(table.Caption)).Append("</caption>\n<thead>\n<tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th scope=\"col\">").Append(E(column)).Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var header = table.RowHeaders && i == 0;
                html.Append(header ? "<th scope=\"row\">" : "<td>").Append(Text(row[i])).Append(header ? "</th>" : "</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>Encoded text; the placeholder marked for the author; line breaks kept.</summary>
    private static string Text(string text) => ReportText.IsPlaceholder(text)
        ? $"<strong class=\"placeholder\">[{E(text)}]</strong>"
        : E(text).Replace("&#xA;", "<br />", StringComparison.Ordinal);

    private static string E(string text) => Encoder.Encode(text);
}
