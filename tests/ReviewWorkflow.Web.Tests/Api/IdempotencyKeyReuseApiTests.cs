using System.Net;
using System.Text.Json.Nodes;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary>Issue 17, point 8: an Idempotency-Key reused with a different body is a 422 on every staff POST (as on the
/// consultee API), and nothing changes; the same body again is a 200 repeat — at once, not only once applied.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class IdempotencyKeyReuseApiTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Starting_a_cycle_with_a_used_key_and_a_different_body_is_a_422()
    {
        var key = ApiCalls.NewKey();
        using var first = await fixture.Lead.PostJsonAsync("/api/cycles", ApiCycleJson.Start(), key);
        var id = (await first.JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        var other = ApiCycleJson.Start();
        other["strategy"]!["title"] = "Another strategy altogether";
        using var reused = await fixture.Lead.PostJsonAsync("/api/cycles", other, key);
        using var repeated = await fixture.Lead.PostJsonAsync("/api/cycles", ApiCycleJson.Start(), key);

        await reused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.Equal(id, (await repeated.JsonAsync(HttpStatusCode.OK))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_command_with_a_used_key_and_a_different_body_is_a_422_and_changes_nothing()
    {
        var id = await fixture.ConsultingCycleAsync();
        var key = ApiCalls.NewKey();
        using var first = await fixture.Lead.PostJsonAsync($"/api/cycles/{id}/consultation/extend", new JsonObject { ["closes"] = "2026-03-17" }, key);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await ApiHostFixture.WaitForAsync(fixture.App, id, v => v.ConsultationCloses == new DateOnly(2026, 3, 17), "the extension");
        var before = await fixture.SnapshotAsync(id);

        using var reused = await fixture.Lead.PostJsonAsync($"/api/cycles/{id}/consultation/extend", new JsonObject { ["closes"] = "2026-03-19" }, key);

        await reused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.Equal(before, await fixture.SnapshotAsync(id));
    }

    [Fact]
    public async Task A_repeated_command_answers_200_even_before_the_cycle_has_applied_it()
    {
        var id = await fixture.RatificationCycleAsync();
        var key = ApiCalls.NewKey();
        var body = new JsonObject { ["body"] = ApiCycleJson.Panel, ["meetingDate"] = "2026-04-03" };

        using var first = await fixture.Clerk.PostJsonAsync($"/api/cycles/{id}/meeting-date", body, key);
        using var again = await fixture.Clerk.PostJsonAsync($"/api/cycles/{id}/meeting-date", body.DeepClone(), key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(await fixture.App.Audit.ReadAllAsync(id), r => r.IdempotencyKey == "command:" + key);
    }
}
