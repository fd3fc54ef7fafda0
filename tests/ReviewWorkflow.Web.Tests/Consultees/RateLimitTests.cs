using System.Net;
using System.Text.Json;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary>The consultee rate limits, tightened for the test: 3 requests per link per 2 seconds, 3 broken links per address per 2 seconds.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private WebTestHost _host = null!;

    public async Task InitializeAsync() => _host = await WebTestHost.StartAsync("Development", new Dictionary<string, string?>
    {
        ["Web:ConsulteeRateLimit:PermitLimit"] = "3",
        ["Web:ConsulteeRateLimit:WindowSeconds"] = "2",
        ["Web:ConsulteeRateLimit:InvalidTokenPermitLimit"] = "3",
        ["Web:ConsulteeRateLimit:InvalidTokenWindowSeconds"] = "2",
    }, ConsulteeCycle.Start);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Sends until refused (at most <paramref name="max"/> tries); returns the refusal.</summary>
    private async Task<HttpResponseMessage> UntilRefusedAsync(Func<Task<HttpResponseMessage>> send, int max = 10)
    {
        for (var i = 0; i < max; i++)
        {
            var response = await send();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            response.Dispose();
        }

        Assert.Fail($"Not refused after {max} requests.");
        return null!;
    }

    private static async Task<HttpResponseMessage> AfterRetryAsync(HttpResponseMessage refused, Func<Task<HttpResponseMessage>> send)
    {
        var wait = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(wait.TotalSeconds, 1, 2);
        await Task.Delay(wait + TimeSpan.FromMilliseconds(300));
        return await send();
    }

    [Fact]
    public async Task The_api_answers_429_with_retry_after_per_link_then_recovers_and_other_links_are_not_affected()
    {
        var cycle = await ConsulteeCycle.StartAsync(_host);

        using var refused = await UntilRefusedAsync(() => _host.Client.GetAsync($"/api/responses/{cycle.Pat}"));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("try again", problem.GetProperty("detail").GetString());

        using (var other = await _host.Client.GetAsync($"/api/responses/{cycle.Casey}"))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        using var recovered = await AfterRetryAsync(refused, () => _host.Client.GetAsync($"/api/responses/{cycle.Pat}"));
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task Page_posts_are_limited_with_a_readable_page_and_nothing_is_stored_when_refused()
    {
        var cycle = await ConsulteeCycle.StartAsync(_host);
        using var browser = new FormClient(_host);
        var page = $"/respond/{cycle.Riley}";
        var (_, html) = await browser.GetAsync(page);
        var hidden = FormClient.Hidden(html);
        var fields = new Dictionary<string, string>(hidden) { ["Input.Pledges[0].View"] = "agree", ["Input.Comments"] = "", ["Input.Action"] = "save" };

        // This client posts the same form again and again without reading the page in between, so it sends no version: a
        // never-saved form's version ("none") would make every save after the first a conflict (create-only first save),
        // and this test is about the limit, not about colleagues overwriting each other.
        fields.Remove("Input.ETag");
        var n = 0;

        using var refused = await UntilRefusedAsync(async () =>
        {
            fields["Input.Comments"] = "try " + ++n;
            using var form = new FormUrlEncodedContent(fields);
            return await browser.Http.PostAsync(page, form);
        });

        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Too many tries in a short time", body);
        Assert.Contains("govuk-heading-l", body);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("try " + (n - 1), (await cycle.StoredAsync(ConsulteeCycle.RileyEmail))?.Content.Comments);

        using var recovered = await AfterRetryAsync(refused, () => browser.Http.GetAsync(page));
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task Guessed_tokens_from_one_address_are_slowed_but_working_links_from_it_are_not()
    {
        var cycle = await ConsulteeCycle.StartAsync(_host);
        var guess = 0;

        using var refused = await UntilRefusedAsync(() => _host.Client.GetAsync($"/api/responses/guess{++guess}.abc"));
        Assert.True(guess > 3, $"Refused after {guess} guesses; the limit is 3.");
        using (var page = await UntilRefusedAsync(() => _host.Client.GetAsync($"/respond/guess{++guess}.abc")))
        {
            Assert.Contains("Too many tries in a short time", await page.Content.ReadAsStringAsync());
        }

        using (var working = await _host.Client.GetAsync($"/api/responses/{cycle.Pat}"))
        {
            Assert.Equal(HttpStatusCode.OK, working.StatusCode);
        }

        using var recovered = await AfterRetryAsync(refused, () => _host.Client.GetAsync($"/api/responses/guess{++guess}.abc"));
        Assert.Equal(HttpStatusCode.NotFound, recovered.StatusCode);
    }
}
