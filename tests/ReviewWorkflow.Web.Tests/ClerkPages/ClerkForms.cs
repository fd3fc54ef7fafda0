using System.Net;
using System.Text.RegularExpressions;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.ClerkPages;

/// <summary>Signed-in clients (development header, cookies kept for antiforgery) and the decision form's fields.</summary>
internal static partial class ClerkForms
{
    public const string Clerk = "clerk@council.example";

    public const string Lead = "lead@council.example";

    public static HttpClient SignedIn(WebTestHost host, string email)
    {
        var client = host.NewClient(new CookieContainer());
        client.DefaultRequestHeaders.Add("X-Dev-User", email);
        return client;
    }

    /// <summary>The decision page's form as a clerk would fill it for <paramref name="body"/> on <paramref name="meeting"/>.</summary>
    public static async Task<Dictionary<string, string>> DecisionFormAsync(HttpClient client, string cycleId, string body, DateOnly meeting, string outcome, string resolution = "RESOLVED: that the Panel endorses the offer.")
    {
        var html = await client.GetStringAsync($"/clerk/decisions/{cycleId}");
        return new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html),
            ["IdempotencyKey"] = Hidden(html, "IdempotencyKey"),
            ["Body"] = body,
            ["MeetingDate.Day"] = meeting.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MeetingDate.Month"] = meeting.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MeetingDate.Year"] = meeting.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AgendaItem"] = "7",
            ["MinuteReference"] = $"CPP/{meeting:yyyy}/14",
            ["Outcome"] = outcome,
            ["Resolution"] = resolution,
        };
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IDictionary<string, string> fields)
    {
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, form);
    }

    public static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"<input type=\"hidden\" name=\"{name}\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"The page has no hidden {name} field.");
        return match.Groups[1].Value;
    }

    /// <summary>The error summary's messages (HTML-decoded), empty when there is none.</summary>
    public static IReadOnlyList<string> ErrorSummary(string html)
    {
        var summary = Regex.Match(html, "<div class=\"govuk-error-summary\".*?</ul>", RegexOptions.Singleline);
        return summary.Success
            ? [.. SummaryLink().Matches(summary.Value).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value))]
            : [];
    }

    /// <summary>The error summary links: (target id, message).</summary>
    public static IReadOnlyList<(string Target, string Message)> ErrorLinks(string html) =>
        [.. SummaryLink().Matches(html).Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))];

    [GeneratedRegex("<li><a href=\"#([^\"]*)\">([^<]*)</a></li>")]
    private static partial Regex SummaryLink();
}
