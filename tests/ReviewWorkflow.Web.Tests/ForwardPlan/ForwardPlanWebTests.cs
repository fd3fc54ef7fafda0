using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReviewWorkflow.Web.Tests.Api;
using ReviewWorkflow.Web.Tests.Hostile;

namespace ReviewWorkflow.Web.Tests.ForwardPlan;

/// <summary>The forward plan's page, JSON and CSV and the calendar feeds, over HTTP, with the hostile cycle (a script
/// in its title; Cabinet on 15 April 2026 a key decision) and a second one whose title is a spreadsheet formula.</summary>
public sealed partial class ForwardPlanWebTests(HostileCycle fixture) : IClassFixture<HostileCycle>
{
    private static readonly string[] JsonFields =
    [
        "reference", "cycleId", "matter", "decisionMaker", "decisionDate", "firstPublished", "noticeDueBy", "clearDaysNotice",
        "noticeStatus", "exceptionReason", "chairName", "chairAgreedOn", "documents", "documentsPublishedBy",
        "documentsAvailableFrom", "private", "leadName", "leadEmail",
    ];

    private async Task<string> StartFormulaCycleAsync()
    {
        using var lead = fixture.Host.ClientAs(HostileCycle.Lead);
        var body = HostileCycle.StartBody(HostileCycle.Formula); // titles are one line (the API refuses line breaks)
        using var started = await HostileCycle.SendAsync(lead, HttpMethod.Post, "/api/cycles", body.ToJsonString(), key: "fp-formula-start");
        Assert.True(started.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await started.Content.ReadAsStringAsync());
        return JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task The_page_needs_no_sign_in_and_shows_titles_as_text()
    {
        using var response = await fixture.Host.Client.GetAsync("/forward-plan");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Forward plan of key decisions", html, StringComparison.Ordinal);
        Assert.Contains("Last updated:", html, StringComparison.Ordinal);
        Assert.Contains($"data-reference=\"{fixture.CycleId}-2\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_json_has_the_documented_fields_and_the_csv_cannot_run_a_formula()
    {
        var formulaCycle = await StartFormulaCycleAsync();

        using var json = await fixture.Host.Client.GetAsync("/api/forward-plan");
        var plan = await json.JsonAsync(HttpStatusCode.OK);
        var items = plan["items"]!.AsArray();
        var hostile = items.Single(i => i!["cycleId"]!.GetValue<string>() == fixture.CycleId)!.AsObject();
        Assert.Equal(JsonFields, hostile.Select(p => p.Key));
        Assert.Equal(HostileCycle.Title, hostile["matter"]!.GetValue<string>());
        Assert.Equal("Cabinet", hostile["decisionMaker"]!.GetValue<string>());
        Assert.Equal("2026-04-15", hostile["decisionDate"]!.GetValue<string>());
        Assert.NotNull(plan["lastUpdated"]);

        using var csv = await fixture.Host.Client.GetAsync("/forward-plan.csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith(string.Join(',', JsonFields) + "\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"{formulaCycle}-2,{formulaCycle},\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",Cabinet,", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_calendar_has_meetings_only_and_a_cycles_calendar_needs_its_token_or_sign_in()
    {
        using var publicFeed = await fixture.Host.Client.GetAsync("/calendar.ics");
        var ics = await publicFeed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, publicFeed.StatusCode);
        Assert.Equal("text/calendar", publicFeed.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"UID:{fixture.CycleId}-meeting-1@reviewworkflow", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("report-publication", ics, StringComparison.Ordinal);

        var path = $"/cycles/{fixture.CycleId}/calendar.ics";
        using var anonymous = await fixture.Host.Client.GetAsync(path);
        using var forged = await fixture.Host.Client.GetAsync(path + "?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        using var lead = fixture.Host.ClientAs(HostileCycle.Lead);
        var page = await lead.GetStringAsync($"/cycles/{fixture.CycleId}");
        var link = WebUtility.HtmlDecode(CalendarLink().Match(page).Groups[1].Value);
        Assert.StartsWith($"/calendar/cycles/{fixture.CycleId}.ics?token=", link, StringComparison.Ordinal);
        using var subscribed = await fixture.Host.Client.GetAsync(link);
        var staffIcs = await subscribed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.Contains($"UID:{fixture.CycleId}-report-publication-1@reviewworkflow", staffIcs, StringComparison.Ordinal);
        Assert.Contains($"UID:{fixture.CycleId}-key-decision-notice-1@reviewworkflow", staffIcs, StringComparison.Ordinal);

        using var sameToken = await fixture.Host.Client.GetAsync(path + link[link.IndexOf('?', StringComparison.Ordinal)..]);
        Assert.Equal(HttpStatusCode.OK, sameToken.StatusCode);
        using var otherCycle = await fixture.Host.Client.GetAsync("/calendar/cycles/another-cycle.ics" + link[link.IndexOf('?', StringComparison.Ordinal)..]);
        Assert.Equal(HttpStatusCode.Unauthorized, otherCycle.StatusCode);

        using var clerk = fixture.Host.ClientAs(HostileCycle.Clerk);
        using var signedIn = await clerk.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_forward_plan()
    {
        using var response = await fixture.Host.Client.GetAsync("/openapi/v1.json");
        var document = await response.JsonAsync(HttpStatusCode.OK);

        var get = document["paths"]!["/api/forward-plan"]!["get"]!;
        Assert.Equal("#/components/schemas/ApiForwardPlan", get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        var item = document["components"]!["schemas"]!["ApiKeyDecision"]!["properties"]!.AsObject();
        Assert.Equal(JsonFields, item.Select(p => p.Key));
    }

    [GeneratedRegex("href=\"(/calendar/cycles/[^\"]+\\.ics\\?token=[^\"]+)\"")]
    private static partial Regex CalendarLink();
}
