using System.Net;

namespace ReviewWorkflow.Web.Tests.Responses;

/// <summary>Only the cycle's lead and administrators read its responses: another cycle's lead, a clerk and anonymous
/// users are refused on the pages and the API alike.</summary>
[Collection(ResponsesGroup.Name)]
public sealed class ResponsesAccessTests(ResponsesFixture fixture)
{
    [Theory]
    [InlineData(ResponsesFixture.Lead)]
    [InlineData(ResponsesFixture.Admin)]
    public async Task The_cycles_lead_and_an_administrator_read_the_page_the_response_and_the_api(string email)
    {
        using var client = fixture.As(email);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/cycles/{fixture.CycleId}/responses")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/cycles/{fixture.CycleId}/responses/{ResponsesFixture.Id(1)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/cycles/{fixture.CycleId}/responses")).StatusCode);
    }

    [Fact]
    public async Task A_lead_of_another_cycle_is_refused()
    {
        using var lead = fixture.As(ResponsesFixture.Lead);

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/cycles/{fixture.OtherCycleId}/responses")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/api/cycles/{fixture.OtherCycleId}/responses")).StatusCode);
        var cycle = await (await lead.GetAsync($"/api/cycles/{fixture.OtherCycleId}")).Content.ReadAsStringAsync();
        Assert.Contains("\"themes\":null", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clerk_is_refused_the_responses_and_their_themes()
    {
        using var clerk = fixture.As(ResponsesFixture.Clerk);

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/cycles/{fixture.CycleId}/responses")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/cycles/{fixture.CycleId}/responses/{ResponsesFixture.Id(1)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/api/cycles/{fixture.CycleId}/responses?format=csv")).StatusCode);
        var cycle = await (await clerk.GetAsync($"/api/cycles/{fixture.CycleId}")).Content.ReadAsStringAsync();
        Assert.Contains("\"themes\":null", cycle, StringComparison.Ordinal);
        Assert.DoesNotContain("read-responses", await clerk.GetStringAsync($"/cycles/{fixture.CycleId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_users_are_sent_to_sign_in_on_pages_and_get_401_on_the_api()
    {
        using var anonymous = fixture.As(null);

        var page = await anonymous.GetAsync($"/cycles/{fixture.CycleId}/responses");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/dev/sign-in", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/cycles/{fixture.CycleId}/responses")).StatusCode);
        var response = await anonymous.GetAsync($"/cycles/{fixture.CycleId}/responses/{ResponsesFixture.Id(1)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
