using System.Text.RegularExpressions;

namespace ReviewWorkflow.Web.Tests.Infrastructure;

internal static partial class Forms
{
    /// <summary>The antiforgery field value in a page's first form.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, "The page has no antiforgery field.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
