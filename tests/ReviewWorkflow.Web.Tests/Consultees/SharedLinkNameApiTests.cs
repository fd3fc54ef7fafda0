using System.Net;
using System.Text;
using System.Text.Json;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary>Issue 17, point 3 on the consultee API: <c>savedBy</c> names who saves on a partner's shared link (required,
/// checked like the page's "Your name"; refused on a personal link); it is stored and audited instead of the link owner.</summary>
[Collection(ConsulteeHostGroup.Name)]
public sealed class SharedLinkNameApiTests(ConsulteeHost fixture)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Body(string? savedBy) =>
        "{ \"answers\": [ { \"pledge\": 1, \"view\": \"agree\", \"comment\": \"Named health visitors.\" } ]"
        + (savedBy is null ? "" : ", \"savedBy\": " + JsonSerializer.Serialize(savedBy)) + " }";

    [Fact]
    public async Task Saved_by_and_submitted_by_are_the_names_sent_and_are_audited()
    {
        var cycle = await PartnerCycle.StartAsync(fixture.Host);
        var form = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync($"/api/responses/{cycle.Partner}")).RootElement;
        Assert.True(form.GetProperty("sharedLink").GetBoolean());

        using (var saved = await fixture.Host.Client.PutAsync($"/api/responses/{cycle.Partner}", Json(Body("Sam Colleague"))))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal("Sam Colleague", JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("lastSavedBy").GetString());
        }

        using (var sent = await fixture.Host.Client.PostAsync($"/api/responses/{cycle.Partner}/submit", Json("{ \"savedBy\": \"Robin Other\" }")))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.Equal("Robin Other", JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement.GetProperty("submittedBy").GetString());
        }

        var stored = (await cycle.PartnerResponseAsync())!;
        Assert.Equal(["Sam Colleague", "Robin Other"], stored.Contributors.Select(c => c.Name));
        Assert.Equal([("ResponseSaved", "Sam Colleague"), ("ResponseSubmitted", "Robin Other")], (await cycle.PartnerAuditAsync()).Select(e => (e.Action, e.Actor)));
    }

    [Theory]
    [InlineData(null, "Enter your name")]
    [InlineData("  ", "Enter your name")]
    [InlineData("<script>alert(1)</script>", "can only include")]
    [InlineData("=cmd|' /C calc'!A0", "can only include")]
    [InlineData("Sam\r\nRole: admin", "can only include")]
    [InlineData("Sam \u202Eevil", "can only include")]
    public async Task A_missing_or_hostile_saved_by_is_a_validation_problem_and_changes_nothing(string? savedBy, string message)
    {
        var cycle = await PartnerCycle.StartAsync(fixture.Host);

        using var refused = await fixture.Host.Client.PutAsync($"/api/responses/{cycle.Partner}", Json(Body(savedBy)));

        await AssertFieldProblemAsync(refused, message);
        Assert.Null(await cycle.PartnerResponseAsync());
        Assert.Empty(await cycle.PartnerAuditAsync());
    }

    [Fact]
    public async Task A_saved_by_over_the_limit_or_not_text_is_a_validation_problem()
    {
        var cycle = await PartnerCycle.StartAsync(fixture.Host);

        using var tooLong = await fixture.Host.Client.PutAsync($"/api/responses/{cycle.Partner}", Json(Body(new string('b', 101))));
        await AssertFieldProblemAsync(tooLong, "100 characters or fewer");
        using var number = await fixture.Host.Client.PutAsync($"/api/responses/{cycle.Partner}", Json("{ \"answers\": [], \"savedBy\": 42 }"));
        await AssertFieldProblemAsync(number, "Send your name as text");
        using var submit = await fixture.Host.Client.PostAsync($"/api/responses/{cycle.Partner}/submit", Json("{ \"answers\": [ { \"pledge\": 1, \"view\": \"agree\" } ] }"));
        await AssertFieldProblemAsync(submit, "Enter your name");
        Assert.Null(await cycle.PartnerResponseAsync());
    }

    [Fact]
    public async Task A_personal_link_refuses_saved_by_and_saves_under_its_owner_without_it()
    {
        var cycle = await PartnerCycle.StartAsync(fixture.Host);
        var form = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync($"/api/responses/{cycle.Carer}")).RootElement;
        Assert.False(form.GetProperty("sharedLink").GetBoolean());

        using var refused = await fixture.Host.Client.PutAsync($"/api/responses/{cycle.Carer}", Json(Body("Someone Else")));
        await AssertFieldProblemAsync(refused, "this link is personal");
        using var saved = await fixture.Host.Client.PutAsync($"/api/responses/{cycle.Carer}", Json(Body(null)));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Pat Carer", JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("lastSavedBy").GetString());
    }

    private static async Task AssertFieldProblemAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("savedBy", out var messages), problem.ToString());
        Assert.Contains(message, messages[0].GetString(), StringComparison.Ordinal);
    }
}
