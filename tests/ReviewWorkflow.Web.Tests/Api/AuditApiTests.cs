using System.Net;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary><c>GET /api/cycles/{id}/audit</c> (JSON, <c>?format=csv</c>) and <c>/audit/verify</c>.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class AuditApiTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task The_trail_reads_as_JSON_rows_and_as_a_CSV_download_and_verifies()
    {
        var id = await fixture.SharedCycleAsync(ApiHostFixture.SharedStage.Consultation);
        var stored = await fixture.App.Audit.ReadAllAsync(id);

        using var json = await fixture.Clerk.GetAsync($"/api/cycles/{id}/audit");
        var rows = await json.JsonArrayAsync();
        Assert.Equal(stored.Count, rows.Count);
        Assert.Equal(AuditActions.CycleStarted, rows[0]!["action"]!.GetValue<string>());
        Assert.Equal(1, rows[0]!["sequence"]!.GetValue<long>());
        Assert.Equal("lead", rows[0]!["role"]!.GetValue<string>());
        Assert.Equal("2026-03-13", rows[0]!["details"]!["consultationCloses"]!.GetValue<string>());

        using var csv = await fixture.Lead.GetAsync($"/api/cycles/{id}/audit?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"audit-{id}.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sequence,time,actor,role,action", lines[0], StringComparison.Ordinal);
        Assert.Equal(stored.Count + 1, lines.Length);

        using var verify = await fixture.Clerk.GetAsync($"/api/cycles/{id}/audit/verify");
        var verification = await verify.JsonAsync(HttpStatusCode.OK);
        Assert.True(verification["valid"]!.GetValue<bool>());
        Assert.Equal(stored.Count, verification["rows"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("/audit")]
    [InlineData("/audit?format=csv")]
    [InlineData("/audit/verify")]
    public async Task An_unknown_cycle_is_a_404_and_reading_needs_a_staff_sign_in(string suffix)
    {
        using var unknown = await fixture.Lead.GetAsync("/api/cycles/no-such-cycle" + suffix);
        await unknown.ProblemAsync(HttpStatusCode.NotFound, "id");

        var id = await fixture.SharedCycleAsync(ApiHostFixture.SharedStage.Consultation);
        using var anonymous = await fixture.Anonymous.GetAsync($"/api/cycles/{id}{suffix}");
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);
        using var consultee = fixture.App.ClientAs(ReadCycleApiTests.ConsulteeEmail);
        using var refused = await consultee.GetAsync($"/api/cycles/{id}{suffix}");
        await refused.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_format_is_a_400_naming_format()
    {
        var id = await fixture.SharedCycleAsync(ApiHostFixture.SharedStage.Consultation);
        using var response = await fixture.Lead.GetAsync($"/api/cycles/{id}/audit?format=xlsx");
        await response.ProblemAsync(HttpStatusCode.BadRequest, "format");
    }
}
