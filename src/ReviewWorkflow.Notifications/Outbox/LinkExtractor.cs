using System.Net;
using System.Text.RegularExpressions;

namespace ReviewWorkflow.Notifications.Outbox;

/// <summary>Finds absolute http(s) URLs in email bodies.</summary>
public static partial class LinkExtractor
{
    public static IReadOnlyList<string> Extract(params string?[] bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var links = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            if (string.IsNullOrEmpty(body))
            {
                continue;
            }

            foreach (Match match in UrlPattern().Matches(body))
            {
                // HTML attribute values escape '&' as '&amp;'; decoding is harmless for plain text.
                var candidate = WebUtility.HtmlDecode(match.Value).TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '}', '\'');
                if (Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
                    && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    && seen.Add(candidate))
                {
                    links.Add(candidate);
                }
            }
        }

        return links;
    }

    [GeneratedRegex("""https?://[^\s"'<>`]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
