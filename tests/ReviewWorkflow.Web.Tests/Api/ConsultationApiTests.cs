using System.Net;
using System.Text.Json.Nodes;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary><c>POST /api/cycles/{id}/consultation/extend</c> and <c>/close</c>: accepted once per Idempotency-Key.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class ConsultationApiTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Extend_is_202_then_applied_and_a_repeat_with_the_same_key_is_applied_once()
    {
        var id = await fixture.ConsultingCycleAsync();
        var key = ApiCalls.NewKey();
        var url = $"/api/cycles/{id}/consultation/extend";
        var body = new JsonObject { ["closes"] = "2026-03-17" };

        using var first = await fixture.Lead.PostJsonAsync(url, body, key);
        Assert.Equal(id, (await first.JsonAsync(HttpStatusCode.Accepted))["id"]!.GetValue<string>());
        Assert.Equal($"/api/cycles/{id}", first.Headers.Location?.ToString());
        using (var retry = await fixture.Lead.PostJsonAsync(url, body, key))
        {
            // A retry racing the first may be accepted again (202) or seen as a repeat (200); either way it applies once.
            Assert.Contains(retry.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.OK });
        }

        await ApiHostFixture.WaitForAsync(fixture.App, id, v => v.ConsultationCloses == new DateOnly(2026, 3, 17), "the extension");
        using var repeat = await fixture.Lead.PostJsonAsync(url, body, key);
        var cycle = await repeat.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2026-03-17", cycle["consultation"]!["closes"]!.GetValue<string>());
        Assert.Single(await AuditWait.ForAsync(fixture.App.Audit, id, r => r.Action == AuditActions.DeadlineExtended, "the extension"), r => r.Action == AuditActions.DeadlineExtended && r.Role == AuditRole.Lead);
    }

    [Fact]
    public async Task Close_without_a_body_is_202_moves_to_drafting_and_a_repeat_with_the_same_key_is_applied_once()
    {
        var id = await fixture.ConsultingCycleAsync();
        var key = ApiCalls.NewKey();
        var url = $"/api/cycles/{id}/consultation/close";

        using var first = await fixture.Lead.PostJsonAsync(url, null, key);
        await first.JsonAsync(HttpStatusCode.Accepted);
        using (var retry = await fixture.Lead.PostRawAsync(url, "{}", "application/json", key))
        {
            Assert.Contains(retry.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.OK });
        }

        await ApiHostFixture.WaitForAsync(fixture.App, id, v => v.Stage == CycleStage.Drafting, "drafting");
        using (var repeat = await fixture.Lead.PostJsonAsync(url, null, key))
        {
            Assert.Equal("drafting", (await repeat.JsonAsync(HttpStatusCode.OK))["stage"]!.GetValue<string>());
        }

        using var cycle = await fixture.Lead.GetAsync($"/api/cycles/{id}");
        var json = await cycle.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("drafting", json["stage"]!.GetValue<string>());
        Assert.True(json["consultation"]!["closedEarly"]!.GetValue<bool>());
        Assert.Single(await AuditWait.ForAsync(fixture.App.Audit, id, r => r.Action == AuditActions.ConsultationClosed && r.Role == AuditRole.Lead, "the early close"), r => r.Action == AuditActions.ConsultationClosed && r.Role == AuditRole.Lead);
    }

    [Fact]
    public async Task An_administrator_may_extend_as_a_lead()
    {
        var id = await fixture.ConsultingCycleAsync();
        using var admin = fixture.App.ClientAs(ApiCycleJson.AdminEmail);

        using var response = await admin.PostJsonAsync($"/api/cycles/{id}/consultation/extend", new JsonObject { ["closes"] = "2026-03-16" }, ApiCalls.NewKey());

        await response.JsonAsync(HttpStatusCode.Accepted);
        var row = Assert.Single(await AuditWait.ForAsync(fixture.App.Audit, id, r => r.Action == AuditActions.DeadlineExtended, "the extension"), r => r.Action == AuditActions.DeadlineExtended);
        Assert.Equal(AuditRole.Admin, row.Role);
        Assert.Equal(ApiCycleJson.AdminEmail, row.Actor);
    }
}
