using System.Net;
using System.Text.Json.Nodes;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary><c>POST /api/cycles</c>.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class StartCycleApiTests(ApiHostFixture fixture)
{
    private const string Url = "/api/cycles";

    [Fact]
    public async Task Start_returns_201_with_Location_and_the_cycle_in_consultation_and_defaults_opens_to_today()
    {
        using var response = await fixture.Lead.PostJsonAsync(Url, ApiCycleJson.Start(), ApiCalls.NewKey());
        var cycle = await response.JsonAsync(HttpStatusCode.Created);

        var id = cycle["id"]!.GetValue<string>();
        Assert.Equal($"/api/cycles/{id}", response.Headers.Location?.ToString());
        Assert.Equal("consultation", cycle["stage"]!.GetValue<string>());
        Assert.Equal("Care Leavers Local Offer 2026-2029", cycle["title"]!.GetValue<string>());
        Assert.Equal("2026-03-02", cycle["consultation"]!["opens"]!.GetValue<string>());
        Assert.Equal("2026-03-13", cycle["consultation"]!["closes"]!.GetValue<string>());
        Assert.Equal(["Corporate Parenting Panel", "Cabinet"], cycle["route"]!.AsArray().Select(s => s!["body"]!.GetValue<string>()));
        Assert.Null(cycle["commandTarget"]);
        Assert.Null(cycle["recentCommands"]);
    }

    [Fact]
    public async Task A_repeat_with_the_same_key_returns_200_with_the_same_cycle_and_starts_it_once()
    {
        var key = ApiCalls.NewKey();
        using var first = await fixture.Lead.PostJsonAsync(Url, ApiCycleJson.Start(), key);
        var id = (await first.JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        using var again = await fixture.Lead.PostJsonAsync(Url, ApiCycleJson.Start(), key);
        Assert.Equal(id, (await again.JsonAsync(HttpStatusCode.OK))["id"]!.GetValue<string>());

        var rows = await fixture.App.Audit.ReadAllAsync(id);
        Assert.Single(rows, r => r.Action == AuditActions.CycleStarted);
    }

    [Fact]
    public async Task A_chosen_id_is_kept_and_another_start_with_it_is_409_naming_id()
    {
        var id = "offer-" + Guid.NewGuid().ToString("N")[..8];
        using var first = await fixture.Lead.PostJsonAsync(Url, ApiCycleJson.Start().With(j => j["id"] = id), ApiCalls.NewKey());
        Assert.Equal(id, (await first.JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());
        await ApiHostFixture.WaitForAsync(fixture.App, id, v => v.Counts.RequestsSent == 3, "the consultation requests");
        var before = await fixture.SnapshotAsync(id);

        using var taken = await fixture.Lead.PostJsonAsync(Url, ApiCycleJson.Start().With(j => j["id"] = id), ApiCalls.NewKey());
        await taken.ProblemAsync(HttpStatusCode.Conflict, "id");
        Assert.Equal(before, await fixture.SnapshotAsync(id));
    }

    public static TheoryData<string, string?, string, HttpStatusCode, string> RefusedRequests => new()
    {
        // what, body, content type, status, field named
        { "missing key", null, "application/json", HttpStatusCode.BadRequest, "Idempotency-Key" },
        { "malformed JSON", "{ \"strategy\": { \"title\": \"x\",, } }", "application/json", HttpStatusCode.BadRequest, "strategy" },
        { "truncated JSON", "{ \"strategy\": ", "application/json", HttpStatusCode.BadRequest, "strategy" },
        { "wrong content type", "strategy=x", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "Content-Type" },
        { "text body", "{}", "text/plain", HttpStatusCode.UnsupportedMediaType, "Content-Type" },
        { "empty body", "", "application/json", HttpStatusCode.BadRequest, "body" },
        { "null body", "null", "application/json", HttpStatusCode.BadRequest, "body" },
        { "array body", "[]", "application/json", HttpStatusCode.BadRequest, "body" },
    };

    [Theory]
    [MemberData(nameof(RefusedRequests))]
    public async Task Bad_requests_are_problems_naming_the_field_and_start_nothing(string what, string? body, string contentType, HttpStatusCode status, string field)
    {
        var cyclesBefore = await CountCyclesAsync();
        using var response = what == "missing key"
            ? await fixture.Lead.PostJsonAsync(Url, ApiCycleJson.Start(), idempotencyKey: null)
            : await fixture.Lead.PostRawAsync(Url, body, contentType, ApiCalls.NewKey());

        await response.ProblemAsync(status, field);
        Assert.Equal(cyclesBefore, await CountCyclesAsync());
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        // field, JSON value (raw), expected words in the message
        { "consultation.groups[0].audience", "\"children\"", "young-people, carers, staff, partners" },
        { "consultation.closes", "\"13/03/2026\"", "yyyy-MM-dd" },
        { "route[1].keyDecision", "\"yes\"", "true or false" },
        { "strategy.pledges", "\"one pledge\"", "list" },
        { "consultation.groups[0].members[1].email", "\"not-an-email\"", "" },
        { "consultation.groups[1].members[0].emial", "\"pat@carers.example\"", "not part of the request" },
        { "route[0].meetingDate", "\"2026-02-30\"", "yyyy-MM-dd" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_field_is_a_400_naming_it_by_JSON_path_and_starts_nothing(string field, string rawValue, string words)
    {
        var body = ApiCycleJson.Start();
        Set(body, field, JsonNode.Parse(rawValue));
        var cyclesBefore = await CountCyclesAsync();

        using var response = await fixture.Lead.PostJsonAsync(Url, body, ApiCalls.NewKey());

        var message = await response.ProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Contains(words, message, StringComparison.Ordinal);
        Assert.Equal(cyclesBefore, await CountCyclesAsync());
    }

    [Fact]
    public async Task Missing_fields_are_all_named_at_once()
    {
        var body = ApiCycleJson.Start();
        body["consultation"]!["groups"]![1]!.AsObject().Remove("audience");
        body["route"]![0]!.AsObject().Remove("keyDecision");
        body.Remove("draftingDeadline");
        body["strategy"]!.AsObject().Remove("title");

        using var response = await fixture.Lead.PostJsonAsync(Url, body, ApiCalls.NewKey());

        var text = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.Contains("consultation.groups[1].audience", errors.Select(e => e.Key));
        Assert.Contains("route[0].keyDecision", errors.Select(e => e.Key));
        Assert.Contains("draftingDeadline", errors.Select(e => e.Key));
        Assert.Contains("strategy.title", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task A_clerk_gets_403_and_an_anonymous_caller_401_both_as_problems()
    {
        var cyclesBefore = await CountCyclesAsync();
        using var clerk = await fixture.Clerk.PostJsonAsync(Url, ApiCycleJson.Start(), ApiCalls.NewKey());
        await clerk.ProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = await fixture.Anonymous.PostJsonAsync(Url, ApiCycleJson.Start(), ApiCalls.NewKey());
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(cyclesBefore, await CountCyclesAsync());
    }

    private async Task<int> CountCyclesAsync()
    {
        using var list = await fixture.Lead.GetAsync(Url);
        return (await list.JsonArrayAsync()).Count;
    }

    /// <summary>Sets the value at a path like <c>consultation.groups[0].members[1].email</c>.</summary>
    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        JsonNode node = root;
        var segments = path.Split('.');
        foreach (var segment in segments[..^1])
        {
            node = Step(node, segment);
        }

        var last = segments[^1];
        if (last.Contains('['))
        {
            Step(node, last[..last.IndexOf('[')])[int.Parse(last[(last.IndexOf('[') + 1)..^1])] = value;
        }
        else
        {
            node[last] = value;
        }
    }

    private static JsonNode Step(JsonNode node, string segment)
    {
        var bracket = segment.IndexOf('[');
        return bracket < 0 ? node[segment]! : node[segment[..bracket]]![int.Parse(segment[(bracket + 1)..^1])]!;
    }
}
