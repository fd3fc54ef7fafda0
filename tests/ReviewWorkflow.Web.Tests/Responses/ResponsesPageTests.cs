using System.Net;

namespace ReviewWorkflow.Web.Tests.Responses;

/// <summary>The responses page and one response's page: counts that follow the filters, saved answers counted apart,
/// hostile text shown escaped, bad filters named in the error summary without changing anything.</summary>
[Collection(ResponsesGroup.Name)]
public sealed class ResponsesPageTests(ResponsesFixture fixture)
{
    private async Task<string> PageAsync(string path)
    {
        using var lead = fixture.As(ResponsesFixture.Lead);
        var response = await lead.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {html}");
        return html;
    }

    [Fact]
    public async Task The_page_counts_submitted_responses_and_saved_answers_apart_and_shows_fifty()
    {
        var html = await PageAsync($"/cycles/{fixture.CycleId}/responses");

        var submitted = ResponsesFixture.SubmittedIndexes.Count();
        var saved = Enumerable.Range(0, ResponsesFixture.Consultees).Count(ResponsesFixture.Saved);
        Assert.Contains($"{submitted} responses were submitted by {ResponsesFixture.Consultees} consultees.", html, StringComparison.Ordinal);
        Assert.Contains($"{saved} consultees have saved answers without sending them.", html, StringComparison.Ordinal);
        Assert.Contains($"Responses 1 to 50 of {submitted}", html, StringComparison.Ordinal);
        Assert.Equal(50, html.Split("class=\"govuk-summary-card\"").Length - 1);
        Assert.Contains($"href=\"/cycles/{fixture.CycleId}/responses\" id=\"read-responses\"", await PageAsync($"/cycles/{fixture.CycleId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_change_the_counts_and_the_views_at_a_glance()
    {
        var html = await PageAsync($"/cycles/{fixture.CycleId}/responses?audience=staff&pledge=1&view=agree");

        var expected = ResponsesFixture.SubmittedIndexes.Count(i => i % 4 == 2 && ResponsesFixture.View1(i) == Workflow.Responses.PledgeView.Agree);
        Assert.Contains($"{expected} match your filters.", html, StringComparison.Ordinal);
        Assert.Contains($"aria-label=\"Staff: {expected} agree, 0 partly agree, 0 disagree, 0 don&#x27;t know\"", html, StringComparison.Ordinal);
        Assert.Contains("rw-seg--agree rw-w-100", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Carers: no answers\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_is_escaped_on_both_pages()
    {
        var list = await PageAsync($"/cycles/{fixture.CycleId}/responses?q=HYPERLINK");
        var one = await PageAsync($"/cycles/{fixture.CycleId}/responses/{ResponsesFixture.Id(0)}");

        foreach (var html in new[] { list, one })
        {
            Assert.DoesNotContain(ResponsesFixture.Script, html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
            Assert.Contains(new string('y', 9_900), html, StringComparison.Ordinal); // shown whole, in a wrapping box
            Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_filters_are_named_in_the_error_summary_and_ignored()
    {
        var html = await PageAsync($"/cycles/{fixture.CycleId}/responses?pledge=9&view=maybe&page=2");

        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("There is no pledge &#x27;9&#x27;: choose a number from 1 to 2.", html, StringComparison.Ordinal);
        Assert.Contains("Choose a view: agree, partly, disagree or dont-know.", html, StringComparison.Ordinal);
        Assert.Contains($"Responses 51 to 100 of {ResponsesFixture.SubmittedIndexes.Count()}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_last_is_named_and_a_response_not_submitted_is_not_found()
    {
        var html = await PageAsync($"/cycles/{fixture.CycleId}/responses?page=50");
        using var lead = fixture.As(ResponsesFixture.Lead);

        Assert.Contains("There is no page 50: the responses fill 5 pages.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/cycles/{fixture.CycleId}/responses/{ResponsesFixture.Id(9)}")).StatusCode);
    }
}
