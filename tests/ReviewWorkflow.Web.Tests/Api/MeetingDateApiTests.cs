using System.Net;
using System.Text.Json.Nodes;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary><c>POST /api/cycles/{id}/meeting-date</c>: the clerk re-dates the meeting of the body the report is with
/// (the page's "Set the meeting date"), with an Idempotency-Key; refusals are problems naming the field.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class MeetingDateApiTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task The_clerk_re_dates_the_panel_s_meeting_and_a_repeat_of_the_key_answers_200()
    {
        var id = await fixture.RatificationCycleAsync();
        var key = ApiCalls.NewKey();
        var body = new JsonObject { ["body"] = ApiCycleJson.Panel, ["meetingDate"] = "2026-04-08" };

        using var accepted = await fixture.Clerk.PostJsonAsync($"/api/cycles/{id}/meeting-date", body, key);
        await accepted.JsonAsync(HttpStatusCode.Accepted);
        var view = await ApiHostFixture.WaitForAsync(fixture.App, id, v => v.Route[0].MeetingDate == new DateOnly(2026, 4, 8), "the Panel re-dated");
        Assert.Equal(ApiCycleJson.Panel, view.CurrentBody);

        using var repeated = await fixture.Clerk.PostJsonAsync($"/api/cycles/{id}/meeting-date", body, key);
        await repeated.JsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("lead", "{\"body\":\"Corporate Parenting Panel\",\"meetingDate\":\"2026-04-08\"}", HttpStatusCode.Forbidden, null)]
    [InlineData("clerk", "{\"body\":\"Scrutiny Committee\",\"meetingDate\":\"2026-04-08\"}", HttpStatusCode.BadRequest, "body")]
    [InlineData("clerk", "{\"body\":\"Corporate Parenting Panel\",\"meetingDate\":\"2026-04-16\"}", HttpStatusCode.BadRequest, "meetingDate")]
    [InlineData("clerk", "{\"body\":\"Corporate Parenting Panel\",\"meetingDate\":\"2026-03-01\"}", HttpStatusCode.BadRequest, "meetingDate")]
    [InlineData("clerk", "{\"body\":\"Corporate Parenting Panel\"}", HttpStatusCode.BadRequest, "meetingDate")]
    [InlineData("clerk", "{\"body\":\"Corporate Parenting Panel\",\"meetingDate\":\"2026-04-08\",\"when\":1}", HttpStatusCode.BadRequest, "when")]
    [InlineData("clerk", "{\"body\":\"Corporate Parenting Panel\",\"meetingDate\":\"2026-02-30\"}", HttpStatusCode.BadRequest, "meetingDate")]
    [InlineData("clerk", "{\"body\":\"Corporate Parenting Panel\",\"meetingDate\":\"next Tuesday\"}", HttpStatusCode.BadRequest, "meetingDate")]
    [InlineData("clerk", "{\"body\":\"Corporate Parenting Panel\",\"meetingDate\":20260408}", HttpStatusCode.BadRequest, "meetingDate")]
    [InlineData("clerk", "{\"meetingDate\":\"2026-04-08\"}", HttpStatusCode.BadRequest, "body")]
    [InlineData("clerk", "{\"body\":\"\",\"meetingDate\":\"2026-04-08\"}", HttpStatusCode.BadRequest, "body")]
    [InlineData("clerk", "{\"body\":\"Corporate Parenting Panel\",", HttpStatusCode.BadRequest, null)]
    [InlineData("clerk", "[]", HttpStatusCode.BadRequest, null)]
    [InlineData("anonymous", "{\"body\":\"Corporate Parenting Panel\",\"meetingDate\":\"2026-04-08\"}", HttpStatusCode.Unauthorized, null)]
    public async Task A_refused_re_dating_is_a_problem_and_changes_nothing(string who, string json, HttpStatusCode status, string? field)
    {
        var id = await fixture.SharedCycleAsync(ApiHostFixture.SharedStage.Ratification);
        var before = await fixture.SnapshotAsync(id);

        using var response = await (who switch { "lead" => fixture.Lead, "anonymous" => fixture.Anonymous, _ => fixture.Clerk }).PostRawAsync($"/api/cycles/{id}/meeting-date", json, "application/json", ApiCalls.NewKey());

        await response.ProblemAsync(status, field);
        Assert.Equal(before, await fixture.SnapshotAsync(id));
    }

    [Fact]
    public async Task Without_an_idempotency_key_it_is_a_400_naming_the_header()
    {
        var id = await fixture.SharedCycleAsync(ApiHostFixture.SharedStage.Ratification);
        using var response = await fixture.Clerk.PostJsonAsync($"/api/cycles/{id}/meeting-date",
            new JsonObject { ["body"] = ApiCycleJson.Panel, ["meetingDate"] = "2026-04-08" }, idempotencyKey: null);
        await response.ProblemAsync(HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_a_cycle_that_does_not_exist_is_a_problem()
    {
        var id = await fixture.SharedCycleAsync(ApiHostFixture.SharedStage.Ratification);
        var before = await fixture.SnapshotAsync(id);

        using var form = await fixture.Clerk.PostRawAsync($"/api/cycles/{id}/meeting-date", "body=Corporate+Parenting+Panel", "application/x-www-form-urlencoded", ApiCalls.NewKey());
        using var unknown = await fixture.Clerk.PostJsonAsync("/api/cycles/cyc-does-not-exist/meeting-date",
            new JsonObject { ["body"] = ApiCycleJson.Panel, ["meetingDate"] = "2026-04-08" }, ApiCalls.NewKey());

        await form.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await fixture.SnapshotAsync(id));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_operation_with_its_request_schema_and_key()
    {
        using var response = await fixture.Anonymous.GetAsync("/openapi/v1.json");
        var document = await response.JsonAsync(HttpStatusCode.OK);
        var operation = document["paths"]!["/api/cycles/{id}/meeting-date"]!["post"]!;
        Assert.Equal("#/components/schemas/MeetingDateRequest", operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Contains(operation["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key" && p["required"]?.GetValue<bool>() == true);
        Assert.NotNull(operation["responses"]!["202"]);
        Assert.NotNull(operation["responses"]!["400"]);
    }
}
