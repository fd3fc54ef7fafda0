using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ReviewWorkflow.Notifications.Outbox;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary>
/// The consultee routes (<c>GET/PUT /api/responses/{token}</c>, <c>POST …/submit</c>) and <c>GET /api/outbox</c> on
/// the WebApplicationFactory app: success, repeats, malformed input and other people's tokens. (The consultee suite in
/// Consultees/ covers them in depth on Kestrel.)
/// </summary>
[Collection(ApiHostGroup.Name)]
public sealed class ResponsesAndOutboxApiTests(ApiHostFixture fixture)
{
    private static readonly string Answers = """{ "answers": [ { "pledge": 1, "view": "partly", "comment": "More help with rent." } ], "comments": "Thank you." }""";

    [Fact]
    public async Task The_outbox_lists_each_request_with_its_recipient_subject_text_and_link()
    {
        var id = await fixture.ConsultingCycleAsync();
        var tokens = await RequestTokens(id);

        using var response = await fixture.Lead.GetAsync("/api/outbox");
        var messages = await response.JsonArrayAsync();

        var requests = messages.Select(m => m!.AsObject())
            .Where(m => m["links"]!.AsArray().Any(l => tokens.Values.Any(t => l!.GetValue<string>().EndsWith("/respond/" + t, StringComparison.Ordinal))))
            .ToList();
        Assert.Equal(3, requests.Count);
        Assert.Equal(tokens.Keys.Order(StringComparer.Ordinal), requests.Select(m => m["to"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(requests, m => Assert.Contains("/respond/", m["text"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(requests, m => Assert.False(string.IsNullOrWhiteSpace(m["subject"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_consultee_reads_saves_and_submits_once_through_the_api()
    {
        var id = await fixture.ConsultingCycleAsync();
        var tokens = await RequestTokens(id);
        var (email, token) = tokens.First();
        var other = tokens.Last().Value;

        using (var form = await fixture.Anonymous.GetAsync($"/api/responses/{token}"))
        {
            var json = await form.JsonAsync(HttpStatusCode.OK);
            Assert.True(json["pledges"]!.AsArray().Count > 0, json.ToJsonString());
        }

        using (var saved = await SendAsync(HttpMethod.Put, $"/api/responses/{token}", Answers, "save-" + email))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var key = ApiCalls.NewKey();
        using (var submitted = await SendAsync(HttpMethod.Post, $"/api/responses/{token}/submit", null, key))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        using (var repeat = await SendAsync(HttpMethod.Post, $"/api/responses/{token}/submit", null, key))
        {
            Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        }

        using (var again = await SendAsync(HttpMethod.Post, $"/api/responses/{token}/submit", null, ApiCalls.NewKey()))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict);
        }

        // The submitted answers are on this token only; the other consultee's response is untouched.
        var mine = await (await fixture.Anonymous.GetAsync($"/api/responses/{token}")).JsonAsync(HttpStatusCode.OK);
        var theirs = await (await fixture.Anonymous.GetAsync($"/api/responses/{other}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", mine["status"]!.GetValue<string>());
        Assert.Equal("partly", mine["answers"]![0]!["view"]!.GetValue<string>());
        Assert.NotEqual("submitted", theirs["status"]!.GetValue<string>());
        Assert.Empty(theirs["answers"]!.AsArray());
    }

    [Theory]
    [InlineData("{", "body")]
    [InlineData("""{ "answers": [ { "pledge": 1, "view": "maybe" } ] }""", "answers[0].view")]
    [InlineData("""{ "answers": [ { "pledge": 0, "view": "agree" } ] }""", "answers[0].pledge")]
    [InlineData("""{ "coments": "misspelt" }""", "coments")]
    public async Task Malformed_saves_are_400_naming_the_field_and_change_nothing(string body, string field)
    {
        var id = await fixture.ConsultingCycleAsync();
        var token = (await RequestTokens(id)).First().Value;
        var before = await (await fixture.Anonymous.GetAsync($"/api/responses/{token}")).Content.ReadAsStringAsync();

        using var response = await SendAsync(HttpMethod.Put, $"/api/responses/{token}", body, ApiCalls.NewKey());

        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await (await fixture.Anonymous.GetAsync($"/api/responses/{token}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_content_type_is_415_and_an_unknown_token_is_404()
    {
        var id = await fixture.ConsultingCycleAsync();
        var token = (await RequestTokens(id)).First().Value;

        using var wrongType = await SendAsync(HttpMethod.Put, $"/api/responses/{token}", Answers, ApiCalls.NewKey(), "text/plain");
        using var unknown = await fixture.Anonymous.GetAsync("/api/responses/not-a-real-token");

        await wrongType.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<Dictionary<string, string>> RequestTokens(string cycleId)
    {
        var outbox = fixture.App.Services.GetRequiredService<IOutbox>();
        return (await outbox.ListAsync())
            .Where(m => m.IdempotencyKey.StartsWith($"consultation-request/{cycleId}/", StringComparison.Ordinal))
            .ToDictionary(m => m.To, m => m.Links.First(l => l.Contains("/respond/", StringComparison.Ordinal)).Split("/respond/")[1]);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? body, string key, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        request.Headers.Add("Idempotency-Key", key);
        return await fixture.Anonymous.SendAsync(request);
    }
}
