using System.Net;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary>A whole cycle to adoption through the API alone, the clock jumped to each meeting day; drafts and decisions
/// accepted once per Idempotency-Key.</summary>
public sealed class WholeCycleApiTests
{
    [Fact]
    public async Task A_script_runs_a_cycle_from_start_to_adoption_through_the_API()
    {
        await using var app = await ApiFactory.StartAsync(ApiHostFixture.Start);
        using var lead = app.ClientAs(ApiCycleJson.LeadEmail);
        using var clerk = app.ClientAs(ApiCycleJson.ClerkEmail);

        using var started = await lead.PostJsonAsync("/api/cycles", ApiCycleJson.Start(), ApiCalls.NewKey());
        var id = (await started.JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        await ApiHostFixture.WaitForAsync(app, id, v => v.Counts.RequestsSent == 3, "the consultation requests");

        // The local outbox shows each request with its recipient, subject, text and personal link.
        using var outbox = await lead.GetAsync("/api/outbox");
        var messages = await outbox.JsonArrayAsync();
        var riley = Assert.Single(messages, m => m!["to"]!.GetValue<string>() == "riley@young.example");
        Assert.False(string.IsNullOrWhiteSpace(riley!["subject"]!.GetValue<string>()));
        Assert.Contains("/respond/", riley["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(riley["links"]!.AsArray(), l => l!.GetValue<string>().Contains("/respond/", StringComparison.Ordinal));

        using (var closed = await lead.PostJsonAsync($"/api/cycles/{id}/consultation/close", null, ApiCalls.NewKey()))
        {
            await closed.JsonAsync(HttpStatusCode.Accepted);
        }

        await ApiHostFixture.WaitForAsync(app, id, v => v.Stage == CycleStage.Drafting, "drafting");
        var draftKey = ApiCalls.NewKey();
        using (var drafted = await lead.PostJsonAsync($"/api/cycles/{id}/drafts", ApiCycleJson.Draft(), draftKey))
        {
            await drafted.JsonAsync(HttpStatusCode.Accepted);
        }

        await ApiHostFixture.WaitForAsync(app, id, v => v.Stage == CycleStage.Ratification && v.CurrentBody == ApiCycleJson.Panel, "the report with the Panel");
        using (var cycle = await clerk.GetAsync($"/api/cycles/{id}"))
        {
            var json = await cycle.JsonAsync(HttpStatusCode.OK);
            Assert.Equal("ratification", json["stage"]!.GetValue<string>());
            Assert.Equal(ApiCycleJson.Panel, json["currentBody"]!.GetValue<string>());
            Assert.True(json["route"]![0]!["current"]!.GetValue<bool>());
            Assert.Equal("1.0", json["draft"]!["version"]!.GetValue<string>());
        }

        // A retried draft after the stage moved on is a repeat (200 with the cycle as it is), not a conflict, and not applied again.
        using (var retried = await lead.PostJsonAsync($"/api/cycles/{id}/drafts", ApiCycleJson.Draft(), draftKey))
        {
            Assert.Equal("ratification", (await retried.JsonAsync(HttpStatusCode.OK))["stage"]!.GetValue<string>());
        }

        app.Clock.JumpTo(ApiCycleJson.Midday(ApiCycleJson.PanelMeets));
        var panelKey = ApiCalls.NewKey();
        var panel = ApiCycleJson.Decision(ApiCycleJson.Panel, ApiCycleJson.PanelMeets, "endorse");
        using (var decided = await clerk.PostJsonAsync($"/api/cycles/{id}/decisions", panel, panelKey))
        {
            await decided.JsonAsync(HttpStatusCode.Accepted);
        }

        await ApiHostFixture.WaitForAsync(app, id, v => v.CurrentBody == ApiCycleJson.Cabinet, "the report with Cabinet");
        using (var repeat = await clerk.PostJsonAsync($"/api/cycles/{id}/decisions", panel, panelKey))
        {
            Assert.Equal(ApiCycleJson.Cabinet, (await repeat.JsonAsync(HttpStatusCode.OK))["currentBody"]!.GetValue<string>());
        }

        app.Clock.JumpTo(ApiCycleJson.Midday(ApiCycleJson.CabinetMeets));
        using (var adopted = await clerk.PostJsonAsync($"/api/cycles/{id}/decisions", ApiCycleJson.Decision(ApiCycleJson.Cabinet, ApiCycleJson.CabinetMeets, "adopt"), ApiCalls.NewKey()))
        {
            await adopted.JsonAsync(HttpStatusCode.Accepted);
        }

        await ApiHostFixture.WaitForAsync(app, id, v => v.Stage == CycleStage.Adopted, "adoption");
        using (var final = await lead.GetAsync($"/api/cycles/{id}"))
        {
            var json = await final.JsonAsync(HttpStatusCode.OK);
            Assert.Equal("adopted", json["stage"]!.GetValue<string>());
            Assert.Null(json["currentBody"]);
            Assert.Equal("2026-04-15", json["adoptedOn"]!.GetValue<string>());
            Assert.Equal("endorse", json["route"]![0]!["decisions"]![0]!["outcome"]!.GetValue<string>());
            Assert.Equal("adopt", json["route"]![1]!["decisions"]![0]!["outcome"]!.GetValue<string>());
        }

        var rows = await app.Audit.ReadAllAsync(id);
        Assert.Single(rows, r => r.Action == AuditActions.DraftSubmitted);
        Assert.Equal(2, rows.Count(r => r.Action == AuditActions.DecisionRecorded));
        using var verify = await lead.GetAsync($"/api/cycles/{id}/audit/verify");
        var verification = await verify.JsonAsync(HttpStatusCode.OK);
        Assert.True(verification["valid"]!.GetValue<bool>(), verification.ToJsonString());
        Assert.Equal(rows.Count, verification["rows"]!.GetValue<long>());
    }
}
