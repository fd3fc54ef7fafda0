using System.Net;
using System.Text.Json.Nodes;
using ReviewWorkflow.Web.Tests.Api;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Tests.PersonalData;

/// <summary>Issue 15, points 4 and 6: an administrator finds everything held about an address and erases it; a scan of
/// every table, blob and outbox file the app wrote then finds none of it, while the counts, the other consultee and the
/// audit chain are as they were.</summary>
public sealed class PersonalDataErasureApiTests
{
    [Fact]
    public async Task An_administrator_finds_then_erases_a_consultee_and_nothing_of_theirs_is_left_anywhere()
    {
        await using var host = await WebTestHost.StartAsync(start: ApiHostFixture.Start);
        var cycle = await ConsultedCycle.StartAsync(host);
        using var admin = host.ClientAs(ApiCycleJson.AdminEmail);
        var before = await host.Cycles.GetCycleAsync(cycle.CycleId);
        Assert.NotEmpty(await StorageScan.FindAsync(host.Services, host.OutboxFolder, ConsultedCycle.Riley, ConsultedCycle.RileyWords));

        // Subject access: grouped by cycle and table, as JSON and as CSV.
        using (var found = await admin.GetAsync($"/api/personal-data?email={ConsultedCycle.Riley}"))
        {
            var json = await found.JsonAsync(HttpStatusCode.OK);
            Assert.True(json["found"]!.GetValue<bool>());
            var held = Assert.Single(json["cycles"]!.AsArray())!;
            Assert.Equal(cycle.CycleId, held["cycleId"]!.GetValue<string>());
            Assert.Contains(ConsultedCycle.RileyWords, held["tables"]!["responses"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.NotEmpty(held["tables"]!["emails"]!.AsArray());
        }

        using (var csv = await admin.GetAsync($"/api/personal-data?email={ConsultedCycle.Riley}&format=csv"))
        {
            Assert.True("text/csv" == csv.Content.Headers.ContentType?.MediaType, await csv.Content.ReadAsStringAsync());
            var text = await csv.Content.ReadAsStringAsync();
            Assert.StartsWith("cycle,table,field,value", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
            Assert.Contains(ConsultedCycle.RileyWords, text, StringComparison.Ordinal);
        }

        // Erasure: counts per table; a retry with the same key answers the same; a new key finds it erased already.
        var key = ApiCalls.NewKey();
        var body = new JsonObject { ["email"] = ConsultedCycle.Riley, ["reason"] = "Request from the person by email on 3 March" };
        JsonObject erased;
        using (var erase = await admin.PostJsonAsync("/api/personal-data/erasure", body, key))
        {
            erased = await erase.JsonAsync(HttpStatusCode.OK);
        }

        Assert.False(erased["alreadyErased"]!.GetValue<bool>());
        Assert.Equal(1, erased["totals"]!["consultees"]!.GetValue<int>());
        Assert.True(erased["totals"]!["responses"]!.GetValue<int>() >= 1);
        Assert.Equal(1, erased["totals"]!["links"]!.GetValue<int>());
        Assert.True(erased["totals"]!["taskHub"]!.GetValue<int>() >= 2);
        Assert.True(erased["totals"]!["outboxMessages"]!.GetValue<int>() >= 1);
        using (var retry = await admin.PostJsonAsync("/api/personal-data/erasure", body, key))
        {
            Assert.Equal(erased.ToJsonString(), (await retry.JsonAsync(HttpStatusCode.OK)).ToJsonString());
        }

        using (var again = await admin.PostJsonAsync("/api/personal-data/erasure", body, ApiCalls.NewKey()))
        {
            Assert.True((await again.JsonAsync(HttpStatusCode.OK))["alreadyErased"]!.GetValue<bool>());
        }

        // Nothing of Riley's anywhere the app writes; Pat's data is untouched.
        Assert.Empty(await StorageScan.FindAsync(host.Services, host.OutboxFolder, ConsultedCycle.Riley, ConsultedCycle.RileyWords, "Quentin-Fictional", "\"" + ConsultedCycle.RileyName + "\""));
        Assert.NotEmpty(await StorageScan.FindAsync(host.Services, host.OutboxFolder, ConsultedCycle.Pat, ConsultedCycle.PatWords));

        // Counts and views survive; the chain verifies; the erasure is in the trail without the erased data.
        var after = await host.Cycles.GetCycleAsync(cycle.CycleId);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before!.Counts), System.Text.Json.JsonSerializer.Serialize(after!.Counts));
        var response = (await host.Services.GetRequiredService<ResponseStore>().ListAsync(cycle.CycleId)).Single(r => r.Erased);
        Assert.Equal(ResponseStatus.Submitted, response.Status);
        Assert.Equal(PledgeView.Disagree, Assert.Single(response.Content.Answers).View);
        Assert.Equal("Consultee 1", response.SubmittedBy);
        using (var verify = await admin.GetAsync($"/api/cycles/{cycle.CycleId}/audit/verify"))
        {
            Assert.True((await verify.JsonAsync(HttpStatusCode.OK))["valid"]!.GetValue<bool>());
        }

        var row = Assert.Single(await host.Services.GetRequiredService<AuditLog>().ReadAllAsync(cycle.CycleId), e => e.Action == AuditActions.PersonalDataErased);
        Assert.Equal(ApiCycleJson.AdminEmail, row.Actor);
        Assert.Contains("Request from the person", row.Details, StringComparison.Ordinal);

        // The link is dead, and a save racing the erasure with it changes nothing.
        using (var save = await cycle.SaveAsync(ConsultedCycle.Riley, "Resurrected words"))
        {
            Assert.NotEqual(HttpStatusCode.OK, save.StatusCode);
        }

        Assert.Empty(await StorageScan.FindAsync(host.Services, host.OutboxFolder, "Resurrected words"));
    }

    [Fact]
    public async Task Erasing_an_unknown_address_answers_404_naming_the_email_and_changes_nothing()
    {
        await using var host = await WebTestHost.StartAsync(start: ApiHostFixture.Start);
        var cycle = await ConsultedCycle.StartAsync(host);
        using var admin = host.ClientAs(ApiCycleJson.AdminEmail);
        var trail = await host.Services.GetRequiredService<AuditLog>().ReadAllAsync(cycle.CycleId);

        using var erase = await admin.PostJsonAsync("/api/personal-data/erasure",
            new JsonObject { ["email"] = "nobody@nowhere.example", ["reason"] = "Request by letter" }, ApiCalls.NewKey());
        var problem = await erase.ProblemAsync(HttpStatusCode.NotFound, "email");
        using var found = await admin.GetAsync("/api/personal-data?email=nobody@nowhere.example");

        Assert.Contains("nothing was changed", problem, StringComparison.OrdinalIgnoreCase);
        Assert.False((await found.JsonAsync(HttpStatusCode.OK))["found"]!.GetValue<bool>());
        Assert.Equal(trail.Count, (await host.Services.GetRequiredService<AuditLog>().ReadAllAsync(cycle.CycleId)).Count);
        Assert.NotEmpty(await StorageScan.FindAsync(host.Services, host.OutboxFolder, ConsultedCycle.Riley, ConsultedCycle.RileyWords));
    }
}
