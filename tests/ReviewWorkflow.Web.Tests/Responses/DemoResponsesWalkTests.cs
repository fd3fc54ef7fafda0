using System.Net;
using System.Text.RegularExpressions;
using ReviewWorkflow.App.Demo;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Web.Tests.Consultees;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Web.Tests.Responses;

/// <summary>
/// Issue 18: the README's "Try it" walk for responses, over HTTP through the real app with the demo data seeded. The
/// demo lead signs in on the development sign-in page, opens the demo strategy's page, follows "Read and weigh the
/// responses", adds the theme "Help with housing", follows "Read and tag" on Sam Okafor's response, tags its comment on
/// priority 1 with the theme and quotes it; the theme then counts one response and shows the quote, and each change is
/// in the audit trail. The README is read too, so its steps cannot drift from what this test does.
/// </summary>
public sealed partial class DemoResponsesWalkTests
{
    private const string Strategy = DemoCycles.StrategyCycleId;
    private const string Theme = "Help with housing";
    private const string SamsComment = "Respite is hard to get at short notice.";

    [Fact]
    public async Task The_readme_steps_are_what_the_walk_does()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Azurite.RepositoryRoot(), "README.md"));
        var walk = readme[readme.IndexOf("To read and weigh what consultees said", StringComparison.Ordinal)..];
        walk = walk[..walk.IndexOf("\n\n", StringComparison.Ordinal)];

        foreach (var step in new[]
        {
            "sign in as Priya Shah", $"(`/cycles/{Strategy}`)", "**Read and weigh the responses**", $"(`/cycles/{Strategy}/responses`)",
            "the four submitted responses", "the two\nsaved-but-unsent answers are counted apart", "Under **Themes**, add one", $"*{Theme}*",
            "**Read and tag**", "tag its comment on a priority with the theme", "**Quote** it", "The theme now shows how many said it and the quote",
            "Each change is in the audit trail",
        })
        {
            Assert.True(walk.Contains(step, StringComparison.Ordinal), $"README's walk no longer says: {step}");
        }
    }

    [Fact]
    public async Task The_demo_lead_reads_the_demo_strategy_s_responses_and_tags_one_theme()
    {
        await using var host = await WebTestHost.StartAsync("Development", new Dictionary<string, string?> { ["Demo:SeedData"] = "true" }, ConsulteeCycle.Start);
        var seeded = await host.Services.GetRequiredService<DemoDataSeeder>().Completion.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(2, seeded.CyclesStarted);
        using var priya = new FormClient(host);

        // Sign in as Priya Shah on the development sign-in page.
        using (var signedIn = await PostFormAsync(priya, "/dev/sign-in", "/dev/sign-in", new() { ["Email"] = DemoCycles.Lead.Email }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        // The strategy's page links to "Read and weigh the responses".
        var (_, cyclePage) = await priya.GetAsync($"/cycles/{Strategy}");
        Assert.Matches($"<a class=\"govuk-link\" href=\"/cycles/{Strategy}/responses\" id=\"read-responses\">Read and weigh the responses</a>", cyclePage);

        // Four submitted responses; the two saved-but-unsent answers counted apart.
        var responses = $"/cycles/{Strategy}/responses";
        var (status, list) = await priya.GetAsync(responses);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("4 responses were submitted", Text(list));
        Assert.Contains("2 consultees have saved answers without sending them", Text(list));
        Assert.Contains("Responses 1 to 4 of 4", list);
        Assert.Contains(SamsComment, list);

        // Under Themes, add one.
        using (var added = await PostFormAsync(priya, responses, $"{responses}?handler=Theme", new() { ["ThemeName"] = Theme }))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        // "Read and tag" on Sam Okafor's response; tag its comment on priority 1 with the theme.
        (_, list) = await priya.GetAsync(responses);
        var response = ReadAndTag().Matches(list).Single(m => m.Groups["name"].Value == "Sam Okafor").Groups["href"].Value;
        var (_, page) = await priya.GetAsync(response);
        var themeId = Option().Matches(page).Single(m => m.Groups["name"].Value == Theme).Groups["value"].Value;
        var parts = Radio().Matches(page).ToDictionary(m => m.Groups["label"].Value.Trim(), m => m.Groups["value"].Value);
        Assert.True(parts.TryGetValue("Comment on priority 1", out var part), "The parts offered: " + string.Join(", ", parts.Keys));
        using (var tagged = await PostFormAsync(priya, response, $"{response}?handler=Tag", new() { ["ThemeId"] = themeId, ["Part"] = part }))
        {
            Assert.Equal(HttpStatusCode.Redirect, tagged.StatusCode);
        }

        // Quote it (the Quote button appears beside the new tag).
        (_, page) = await priya.GetAsync(response);
        Assert.Contains("Quote<span class=\"govuk-visually-hidden\"> comment on priority 1 for Help with housing</span>", page);
        using (var quoted = await PostFormAsync(priya, response, $"{response}?handler=Quote", new() { ["ThemeId"] = themeId, ["Part"] = part }, afterLast: "?handler=Quote"))
        {
            Assert.Equal(HttpStatusCode.Redirect, quoted.StatusCode);
        }

        // The theme shows how many said it and the quote; each change is in the audit trail under Priya's name.
        (_, list) = await priya.GetAsync(responses);
        var row = ThemeRow().Match(list);
        Assert.True(row.Success, "The themes table has no row for " + Theme);
        Assert.Equal("1", row.Groups["count"].Value);
        Assert.Contains(SamsComment, WebUtility.HtmlDecode(row.Groups["quotes"].Value));
        var audit = await host.Services.GetRequiredService<AuditLog>().ReadAllAsync(Strategy);
        Assert.Equal(["ThemeCreated", "ResponseTagged", "QuoteChosen"],
            audit.Where(e => e.Actor == DemoCycles.Lead.Email && e.Action is "ThemeCreated" or "ResponseTagged" or "QuoteChosen").Select(e => e.Action));
    }

    /// <summary>Opens <paramref name="page"/> and posts its hidden fields (antiforgery token, the form's idempotency key)
    /// with <paramref name="fields"/> to <paramref name="action"/>, as the browser does with the page's form.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(FormClient client, string page, string action, Dictionary<string, string> fields, string? afterLast = null)
    {
        var (_, html) = await client.GetAsync(page);
        var form = afterLast is null ? html : html[html.LastIndexOf(afterLast, StringComparison.Ordinal)..];
        var all = new Dictionary<string, string>(FormClient.Hidden(form));
        if (!all.ContainsKey("__RequestVerificationToken"))
        {
            all["__RequestVerificationToken"] = FormClient.Hidden(html)["__RequestVerificationToken"];
        }

        foreach (var (key, value) in fields)
        {
            all[key] = value;
        }

        using var content = new FormUrlEncodedContent(all);
        return await client.Http.PostAsync(action, content);
    }

    private static string Text(string html) => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), @"\s+", " ");

    [GeneratedRegex("<h3 class=\"govuk-summary-card__title\">(?<name>[^<]+)</h3>\\s*<ul class=\"govuk-summary-card__actions\">\\s*<li class=\"govuk-summary-card__action\"><a class=\"govuk-link\" href=\"(?<href>[^\"]+)\">Read and tag")]
    private static partial Regex ReadAndTag();

    [GeneratedRegex("<option value=\"(?<value>[^\"]+)\"[^>]*>(?<name>[^<]+)</option>")]
    private static partial Regex Option();

    [GeneratedRegex("name=\"Part\" type=\"radio\" value=\"(?<value>[^\"]+)\"[^>]*>\\s*<label[^>]*>(?<label>[^<]+)</label>")]
    private static partial Regex Radio();

    [GeneratedRegex("<th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"[^\"]+\">Help with housing</a></th>\\s*<td[^>]*>(?<count>\\d+)</td>\\s*<td[^>]*>(?<quotes>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex ThemeRow();
}
