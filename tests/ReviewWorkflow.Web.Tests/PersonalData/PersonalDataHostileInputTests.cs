using System.Net;
using System.Text.Json.Nodes;
using ReviewWorkflow.Web.Tests.Api;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.PersonalData;

/// <summary>Issue 15, point 6: hostile input in the search box and the erasure request gets a clear problem naming the
/// field and changes nothing; only administrators may search or erase.</summary>
public sealed class PersonalDataHostileInputTests : IAsyncLifetime
{
    private WebTestHost _host = null!;

    public static TheoryData<string> HostileEmails => new()
    {
        "<script>alert(1)</script>@young.example",
        "=HYPERLINK(\"http://evil.example\")",
        "+riley@young.example",
        "riley@young.example\r\nBcc: all@council.example",
        new string('a', 300) + "@young.example",
        "",
    };

    public async Task InitializeAsync() => _host = await WebTestHost.StartAsync(start: ApiHostFixture.Start);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(HostileEmails))]
    public async Task A_hostile_search_is_a_400_naming_email(string email)
    {
        using var admin = _host.ClientAs(ApiCycleJson.AdminEmail);

        using var response = await admin.GetAsync("/api/personal-data?email=" + Uri.EscapeDataString(email));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "email");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("line one\r\nline two")]
    [InlineData("")]
    public async Task A_hostile_reason_is_a_400_naming_reason_and_erases_nothing(string reason)
    {
        var cycle = await ConsultedCycle.StartAsync(_host);
        using var admin = _host.ClientAs(ApiCycleJson.AdminEmail);

        using var response = await admin.PostJsonAsync("/api/personal-data/erasure",
            new JsonObject { ["email"] = ConsultedCycle.Riley, ["reason"] = reason }, ApiCalls.NewKey());

        await response.ProblemAsync(HttpStatusCode.BadRequest, "reason");
        Assert.NotEmpty(await StorageScan.FindAsync(_host.Services, _host.OutboxFolder, ConsultedCycle.RileyWords));
        Assert.DoesNotContain(await _host.Services.GetRequiredService<ReviewWorkflow.Workflow.Responses.ResponseStore>().ListAsync(cycle.CycleId), r => r.Erased);
    }

    [Fact]
    public async Task A_very_long_reason_and_a_missing_key_are_refused()
    {
        using var admin = _host.ClientAs(ApiCycleJson.AdminEmail);
        var body = new JsonObject { ["email"] = ConsultedCycle.Riley, ["reason"] = new string('x', 501) };

        using var tooLong = await admin.PostJsonAsync("/api/personal-data/erasure", body, ApiCalls.NewKey());
        using var noKey = await admin.PostJsonAsync("/api/personal-data/erasure", body, null);

        await tooLong.ProblemAsync(HttpStatusCode.BadRequest, "reason");
        await noKey.ProblemAsync(HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    [Theory]
    [InlineData(ApiCycleJson.LeadEmail, HttpStatusCode.Forbidden)]
    [InlineData(ApiCycleJson.ClerkEmail, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Only_an_administrator_may_search_or_erase(string? user, HttpStatusCode expected)
    {
        using var client = user is null ? _host.NewClient() : _host.ClientAs(user);

        using var search = await client.GetAsync("/api/personal-data?email=riley@young.example");
        using var erase = await client.PostJsonAsync("/api/personal-data/erasure", new JsonObject { ["email"] = ConsultedCycle.Riley, ["reason"] = "Asked" }, ApiCalls.NewKey());

        Assert.Equal(expected, search.StatusCode);
        Assert.Equal(expected, erase.StatusCode);
    }
}
