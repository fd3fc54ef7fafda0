using System.Net;
using System.Text.Json.Nodes;
using ReviewWorkflow.Web.Tests.Api;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Tests.Responses;

/// <summary><c>GET /api/cycles/{id}/responses</c> on the seeded cycle: filters and counts (expected figures counted
/// from the fixture's rules), paging, and problem details for bad input.</summary>
[Collection(ResponsesGroup.Name)]
public sealed class ResponsesApiTests(ResponsesFixture fixture)
{
    private async Task<JsonObject> GetAsync(string query)
    {
        using var lead = fixture.As(ResponsesFixture.Lead);
        return await (await lead.GetAsync($"/api/cycles/{fixture.CycleId}/responses{query}")).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_filters_every_submitted_response_is_counted_and_saved_answers_only_counted_apart()
    {
        var page = await GetAsync("");

        var submitted = ResponsesFixture.SubmittedIndexes.Count();
        Assert.Equal(submitted, page["submitted"]!.GetValue<int>());
        Assert.Equal(submitted, page["matched"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(0, ResponsesFixture.Consultees).Count(ResponsesFixture.Saved), page["savedNotSent"]!.GetValue<int>());
        Assert.Equal(50, page["items"]!.AsArray().Count);
        Assert.Equal((submitted + 49) / 50, page["pageCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filters_by_audience_pledge_and_view_count_what_they_match_across_all_pages()
    {
        var page = await GetAsync("?audience=carers&pledge=2&view=disagree&page=1");

        var expected = ResponsesFixture.SubmittedIndexes.Count(i => i % 4 == 1 && ResponsesFixture.Answers2(i) && ResponsesFixture.View2(i) == PledgeView.Disagree);
        Assert.True(expected > 0);
        Assert.Equal(expected, page["matched"]!.GetValue<int>());
        Assert.All(page["items"]!.AsArray(), r => Assert.Equal("carers", r!["audience"]!.GetValue<string>()));
        var carers = page["views"]!.AsArray().Single(v => v!["pledge"]!.GetValue<int>() == 2)!["audiences"]!.AsArray().Single(a => a!["audience"]!.GetValue<string>() == "carers")!;
        Assert.Equal(expected, carers["disagree"]!.GetValue<int>());
        Assert.Equal(0, carers["agree"]!.GetValue<int>());
    }

    [Fact]
    public async Task Group_and_text_search_combine()
    {
        var group = Uri.EscapeDataString(ResponsesFixture.Groups[2].Name);
        var page = await GetAsync($"?group={group}&q=HOUSING");

        Assert.Equal(ResponsesFixture.SubmittedIndexes.Count(i => i % 4 == 2 && ResponsesFixture.Housing(i)), page["matched"]!.GetValue<int>());
        var byGroup = page["byGroup"]!.AsArray();
        Assert.Equal(page["matched"]!.GetValue<int>(), byGroup.Single(g => g!["group"]!.GetValue<string>() == ResponsesFixture.Groups[2].Name)!["responses"]!.GetValue<int>());
        Assert.All(byGroup.Where(g => g!["group"]!.GetValue<string>() != ResponsesFixture.Groups[2].Name), g => Assert.Equal(0, g!["responses"]!.GetValue<int>()));
    }

    [Fact]
    public async Task The_second_page_continues_in_submission_order()
    {
        var first = await GetAsync("?page=1");
        var second = await GetAsync("?page=2");

        var ids = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(r => r!["consulteeId"]!.GetValue<string>()).ToList();
        Assert.Equal(100, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("?pledge=3", "pledge")]
    [InlineData("?pledge=abc", "pledge")]
    [InlineData("?view=maybe", "view")]
    [InlineData("?audience=children", "audience")]
    [InlineData("?page=99", "page")]
    [InlineData("?page=0", "page")]
    [InlineData("?format=xml", "format")]
    public async Task Bad_input_is_a_problem_naming_the_parameter(string query, string field)
    {
        using var lead = fixture.As(ResponsesFixture.Lead);

        await (await lead.GetAsync($"/api/cycles/{fixture.CycleId}/responses{query}")).ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_too_long_search_is_refused_and_an_unknown_cycle_is_404()
    {
        using var lead = fixture.As(ResponsesFixture.Lead);

        await (await lead.GetAsync($"/api/cycles/{fixture.CycleId}/responses?q={new string('a', 201)}")).ProblemAsync(HttpStatusCode.BadRequest, "q");
        await (await lead.GetAsync("/api/cycles/no-such-cycle/responses")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
