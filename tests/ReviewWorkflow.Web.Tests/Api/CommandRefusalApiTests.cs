using System.Net;
using System.Text.Json.Nodes;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary>
/// Every state-changing cycle route refuses bad calls with a problem naming the field (or 401/403/404), and a refused
/// call changes nothing: the cycle as the API shows it and its audit rows are the same afterwards.
/// </summary>
[Collection(ApiHostGroup.Name)]
public sealed class CommandRefusalApiTests(ApiHostFixture fixture)
{
    public static TheoryData<string, string> Refusals()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in new[] { "extend", "close", "drafts", "decisions" })
        {
            foreach (var refusal in new[] { "missing key", "blank key", "key too long", "malformed JSON", "wrong content type", "unknown id", "wrong role", "anonymous" })
            {
                data.Add(route, refusal);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_command_is_a_problem_and_changes_nothing(string route, string refusal)
    {
        var id = await CycleForAsync(route);
        var before = await fixture.SnapshotAsync(id);
        var (url, body) = Call(route, id);
        var (client, problemStatus, field) = refusal switch
        {
            "missing key" or "blank key" or "key too long" => (fixture.Lead, HttpStatusCode.BadRequest, "Idempotency-Key"),
            "malformed JSON" => (fixture.Lead, HttpStatusCode.BadRequest, null),
            "wrong content type" => (fixture.Lead, HttpStatusCode.UnsupportedMediaType, "Content-Type"),
            "unknown id" => (fixture.Lead, HttpStatusCode.NotFound, "id"),
            "wrong role" => (route == "decisions" ? fixture.Lead : fixture.Clerk, HttpStatusCode.Forbidden, (string?)null),
            _ => (fixture.Anonymous, HttpStatusCode.Unauthorized, (string?)null),
        };
        if (route == "decisions" && refusal is not ("wrong role" or "anonymous"))
        {
            client = fixture.Clerk;
        }

        using var response = refusal switch
        {
            "missing key" => await client.PostJsonAsync(url, body, idempotencyKey: null),
            "blank key" => await client.PostJsonAsync(url, body, "  "),
            "key too long" => await client.PostJsonAsync(url, body, new string('k', 201)),
            "malformed JSON" => await client.PostRawAsync(url, "{\"closes\": 2026-03-20}", "application/json", ApiCalls.NewKey()),
            "wrong content type" => await client.PostRawAsync(url, body?.ToJsonString() ?? "closes=2026-03-20", "text/plain", ApiCalls.NewKey()),
            "unknown id" => await client.PostJsonAsync(url.Replace(id, "no-such-cycle", StringComparison.Ordinal), body, ApiCalls.NewKey()),
            _ => await client.PostJsonAsync(url, body, ApiCalls.NewKey()),
        };

        var text = await response.ProblemAsync(problemStatus, field);
        if (refusal == "malformed JSON")
        {
            Assert.Contains("not valid JSON", text, StringComparison.Ordinal);
        }

        Assert.Equal(before, await fixture.SnapshotAsync(id));
    }

    public static TheoryData<string, string, string, string> BadFields => new()
    {
        // route, field to set, raw JSON value, field named in the problem
        { "extend", "closes", "\"20/03/2026\"", "closes" },
        { "extend", "closes", "\"2026-03-10\"", "closes" }, // earlier than the current closing date
        { "extend", "closes", "null", "closes" },
        { "close", "reason", "\"done\"", "reason" },
        { "drafts", "documentUrl", "\"draft.docx\"", "documentUrl" },
        { "drafts", "youSaidWeDid", "[{\"theme\": \"Homes\", \"youSaid\": \"More help.\"}]", "youSaidWeDid[0].weDid" },
        { "drafts", "version", "7", "version" },
        { "decisions", "outcome", "\"approved\"", "outcome" },
        { "decisions", "outcome", "null", "outcome" },
        { "decisions", "meetingDate", "\"2026-04-01T10:00\"", "meetingDate" },
        { "decisions", "body", "\"Cabinet\"", "body" }, // the report is with the Panel
        { "decisions", "meetingDate", "\"2026-04-01\"", "meetingDate" }, // the meeting has not happened yet
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_field_is_a_400_naming_it_and_changes_nothing(string route, string set, string rawValue, string field)
    {
        var id = await CycleForAsync(route);
        var before = await fixture.SnapshotAsync(id);
        var (url, body) = Call(route, id);
        body ??= [];
        body[set] = JsonNode.Parse(rawValue);

        using var response = await (route == "decisions" ? fixture.Clerk : fixture.Lead).PostJsonAsync(url, body, ApiCalls.NewKey());

        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await fixture.SnapshotAsync(id));
    }

    [Fact]
    public async Task A_command_in_the_wrong_stage_is_a_409_naming_the_field()
    {
        var id = await CycleForAsync("extend");
        var before = await fixture.SnapshotAsync(id);

        using var response = await fixture.Lead.PostJsonAsync($"/api/cycles/{id}/drafts", ApiCycleJson.Draft(), ApiCalls.NewKey());

        var message = await response.ProblemAsync(HttpStatusCode.Conflict, "version");
        Assert.Contains("consultation", message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.SnapshotAsync(id));
    }

    private Task<string> CycleForAsync(string route) => route switch
    {
        "drafts" => fixture.SharedCycleAsync(ApiHostFixture.SharedStage.Drafting),
        "decisions" => fixture.SharedCycleAsync(ApiHostFixture.SharedStage.Ratification),
        _ => fixture.SharedCycleAsync(ApiHostFixture.SharedStage.Consultation),
    };

    private static (string Url, JsonObject? Body) Call(string route, string id) => route switch
    {
        "extend" => ($"/api/cycles/{id}/consultation/extend", new JsonObject { ["closes"] = "2026-03-17" }),
        "close" => ($"/api/cycles/{id}/consultation/close", null),
        "drafts" => ($"/api/cycles/{id}/drafts", ApiCycleJson.Draft()),
        _ => ($"/api/cycles/{id}/decisions", ApiCycleJson.Decision(ApiCycleJson.Panel, ApiCycleJson.PanelMeets, "endorse")),
    };
}
