using System.Net;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary><c>GET /api/cycles</c> and <c>GET /api/cycles/{id}</c>.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class ReadCycleApiTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task A_cycle_reads_with_stage_counts_deadline_consultation_dates_and_route_for_lead_clerk_and_admin()
    {
        var id = await fixture.ConsultingCycleAsync();
        using var admin = fixture.App.ClientAs(ApiCycleJson.AdminEmail);

        foreach (var client in new[] { fixture.Lead, fixture.Clerk, admin })
        {
            using var response = await client.GetAsync($"/api/cycles/{id}");
            var cycle = await response.JsonAsync(HttpStatusCode.OK);
            Assert.Equal(id, cycle["id"]!.GetValue<string>());
            Assert.Equal("consultation", cycle["stage"]!.GetValue<string>());
            Assert.Null(cycle["currentBody"]);
            Assert.Equal(3, cycle["responses"]!["requestsSent"]!.GetValue<int>());
            Assert.Equal(0, cycle["responses"]!["responsesSubmitted"]!.GetValue<int>());
            Assert.Equal(0, cycle["responses"]!["responseRate"]!.GetValue<double>());
            Assert.Equal("2026-03-13", cycle["consultation"]!["closes"]!.GetValue<string>());
            Assert.NotNull(cycle["nextDeadline"]?["date"]);
            var panel = cycle["route"]![0]!;
            Assert.Equal("2026-04-01", panel["meetingDate"]!.GetValue<string>());
            Assert.False(panel["current"]!.GetValue<bool>());
            Assert.Empty(panel["decisions"]!.AsArray());
            Assert.Equal(ApiCycleJson.LeadEmail, cycle["lead"]!["email"]!.GetValue<string>());
        }

        using var list = await fixture.Clerk.GetAsync("/api/cycles");
        Assert.Contains(await list.JsonArrayAsync(), c => c!["id"]!.GetValue<string>() == id && c["stage"]!.GetValue<string>() == "consultation");
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem_naming_id()
    {
        using var response = await fixture.Lead.GetAsync("/api/cycles/no-such-cycle");
        var message = await response.ProblemAsync(HttpStatusCode.NotFound, "id");
        Assert.Contains("no-such-cycle", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/cycles")]
    [InlineData("/api/cycles/any-cycle")]
    public async Task Reading_needs_a_staff_sign_in(string url)
    {
        using var anonymous = await fixture.Anonymous.GetAsync(url);
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);

        using var consultee = fixture.App.ClientAs(ConsulteeEmail);
        using var refused = await consultee.GetAsync(url);
        await refused.ProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>Someone in the demo directory with no staff role.</summary>
    internal const string ConsulteeEmail = "sam.okafor@carers.example";
}
