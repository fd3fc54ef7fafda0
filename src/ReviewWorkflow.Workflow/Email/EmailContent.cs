using System.Net;
using System.Text;

namespace ReviewWorkflow.Workflow.Email;

/// <summary>A rendered email: subject, plain text and HTML with the same content.</summary>
public sealed record EmailContent(string Subject, string Text, string Html);

/// <summary>Builds the same message as plain text and as simple, accessible HTML (headings-free, one link per action).</summary>
internal sealed class EmailBuilder
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public EmailBuilder Para(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(WebUtility.HtmlEncode(text)).Append("</p>\n");
        return this;
    }

    public EmailBuilder Link(string label, string url)
    {
        _text.Append(label).Append(": ").Append(url).Append("\n\n");
        _html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(label)).Append("</a></p>\n");
        return this;
    }

    public EmailBuilder Bullets(IEnumerable<string> items)
    {
        _html.Append("<ul>\n");
        foreach (var item in items)
        {
            _text.Append("- ").Append(item).Append('\n');
            _html.Append("<li>").Append(WebUtility.HtmlEncode(item)).Append("</li>\n");
        }

        _text.Append('\n');
        _html.Append("</ul>\n");
        return this;
    }

    public EmailContent Build(string subject) =>
        new(subject, _text.ToString().TrimEnd() + "\n", "<!DOCTYPE html>\n<html lang=\"en-GB\"><body>\n" + _html + "</body></html>\n");
}
