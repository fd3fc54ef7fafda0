using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary><c>/api/responses/{token}</c>: every route with success, malformed input, and the state read back after.</summary>
[Collection(ConsulteeHostGroup.Name)]
public sealed class ResponsesApiTests(ConsulteeHost fixture)
{
    private const string Body = """{ "answers": [ { "pledge": 1, "view": "agree", "comment": "A safe home first." }, { "pledge": 2, "view": "dont-know" } ], "comments": "Thanks." }""";

    private HttpClient Client => fixture.Host.Client;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? key = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await Client.SendAsync(request);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null, string? text = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"No error for {field}: {problem}");
            if (text is not null)
            {
                Assert.Contains(text, messages[0].GetString());
            }
        }
        else if (text is not null)
        {
            var detail = problem.GetProperty("title").GetString() + " " + problem.GetProperty("detail").GetString();
            Assert.True(detail.Contains(text, StringComparison.Ordinal), $"'{text}' not in: {problem}");
        }
    }

    [Fact]
    public async Task Get_shows_the_form_and_the_saved_answers()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);

        using var empty = await Client.GetAsync($"/api/responses/{cycle.Riley}");
        var form = await ReadAsync(empty);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("not-started", form.GetProperty("status").GetString());
        Assert.Equal("young-people", form.GetProperty("audience").GetString());
        Assert.True(form.GetProperty("plainLanguage").GetBoolean());
        Assert.Equal("2026-03-13", form.GetProperty("closes").GetString());
        Assert.Equal(ConsulteeCycle.Pledges[1], form.GetProperty("pledges")[1].GetProperty("text").GetString());
        Assert.Equal("What should the offer promise that it does not?", form.GetProperty("questions")[0].GetString());

        (await SendAsync(HttpMethod.Put, $"/api/responses/{cycle.Riley}", Json(Body))).Dispose();
        using var saved = await Client.GetAsync($"/api/responses/{cycle.Riley}");
        form = await ReadAsync(saved);
        Assert.Equal("in-progress", form.GetProperty("status").GetString());
        Assert.Equal("dont-know", form.GetProperty("answers")[1].GetProperty("view").GetString());
        Assert.Equal("Thanks.", form.GetProperty("comments").GetString());
        Assert.NotNull(saved.Headers.ETag);
    }

    [Fact]
    public async Task Put_saves_and_a_retry_with_the_same_key_does_not_write_again()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        var path = $"/api/responses/{cycle.Pat}";

        using var first = await SendAsync(HttpMethod.Put, path, Json(Body), key: "save-1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await ReadAsync(first)).GetProperty("version").GetInt32());

        (await SendAsync(HttpMethod.Put, path, Json("""{ "answers": [ { "pledge": 1, "view": "disagree" } ] }"""), key: "save-2")).Dispose();
        using var retry = await SendAsync(HttpMethod.Put, path, Json(Body), key: "save-1");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);

        var stored = await cycle.StoredAsync(ConsulteeCycle.PatEmail);
        Assert.Equal(2, stored!.Version);
        Assert.Equal(PledgeView.Disagree, stored.Content.Answers[0].View);

        using var reused = await SendAsync(HttpMethod.Put, path, Json("""{ "comments": "other" }"""), key: "save-1");
        await AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(2, (await cycle.StoredAsync(ConsulteeCycle.PatEmail))!.Version);
    }

    [Theory]
    [InlineData("""{ "answers": [ { "pledge": 1, "view": "agree" }, { "pledge": 2, "view": "maybe" } ] }""", "answers[1].view")]
    [InlineData("""{ "answers": [ { "pledge": 1 } ] }""", "answers[0].view")]
    [InlineData("""{ "answers": [ { "pledge": "one", "view": "agree" } ] }""", "answers[0].pledge")]
    [InlineData("""{ "answers": [ { "pledge": 9, "view": "agree" } ] }""", "answers[0].pledge")]
    [InlineData("""{ "answers": [ { "pledge": 1, "view": "agree" }, { "pledge": 1, "view": "partly" } ] }""", "answers[1].pledge")]
    [InlineData("""{ "answers": [ { "pledge": 1, "view": "agree", "comment": 5 } ] }""", "answers[0].comment")]
    [InlineData("""{ "answers": "all good" }""", "answers")]
    [InlineData("""{ "answers": [ 7 ] }""", "answers[0]")]
    [InlineData("""{ "comments": ["a"] }""", "comments")]
    [InlineData("""{ "coments": "a misspelt field is refused, not dropped" }""", "coments")]
    [InlineData("""{ "answers": [ { "pledge": 1, "view": "agree", "coment": "misspelt" } ] }""", "answers[0].coment")]
    [InlineData("""[1, 2]""", "body")]
    [InlineData("""{ "answers": [ { "pledge": 1, "view": "agree" """, "body")]
    [InlineData("", "body")]
    public async Task Put_with_bad_input_names_the_field_and_changes_nothing(string json, string field)
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        var path = $"/api/responses/{cycle.Pat}";
        (await SendAsync(HttpMethod.Put, path, Json("""{ "comments": "before" }"""))).Dispose();

        using var response = await SendAsync(HttpMethod.Put, path, Json(json));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        var stored = await cycle.StoredAsync(ConsulteeCycle.PatEmail);
        Assert.Equal(1, stored!.Version);
        Assert.Equal("before", stored.Content.Comments);
    }

    [Fact]
    public async Task A_comment_too_long_says_how_to_shorten_it()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        var body = JsonSerializer.Serialize(new { answers = new[] { new { pledge = 2, view = "partly", comment = new string('z', ResponseLimits.Comment + 1) } } });

        using var response = await SendAsync(HttpMethod.Put, $"/api/responses/{cycle.Pat}", Json(body));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "answers[0].comment", "Shorten your comment on pledge 2 to 5,000 characters or fewer");
        Assert.Null(await cycle.StoredAsync(ConsulteeCycle.PatEmail));
    }

    [Fact]
    public async Task Wrong_content_type_is_415_and_an_oversized_body_is_413_and_neither_stores_anything()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        var path = $"/api/responses/{cycle.Pat}";

        using var text = await SendAsync(HttpMethod.Put, path, new StringContent(Body, Encoding.UTF8, "text/plain"));
        await AssertProblemAsync(text, HttpStatusCode.UnsupportedMediaType, text: "application/json");
        using var form = await SendAsync(HttpMethod.Post, path + "/submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["comments"] = "x" }));
        await AssertProblemAsync(form, HttpStatusCode.UnsupportedMediaType);

        var huge = JsonSerializer.Serialize(new { comments = new string('h', 1100 * 1024) });
        using var large = await SendAsync(HttpMethod.Put, path, Json(huge));
        await AssertProblemAsync(large, HttpStatusCode.RequestEntityTooLarge, text: "Send less at once");

        // Chunked (no Content-Length): cut off while reading, same answer.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var streamed = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);

        Assert.Null(await cycle.StoredAsync(ConsulteeCycle.PatEmail));
    }

    [Fact]
    public async Task Submit_applies_once_a_retry_with_the_key_is_200_and_anything_else_is_409_and_changes_nothing()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        var path = $"/api/responses/{cycle.Pat}";
        (await SendAsync(HttpMethod.Put, path, Json(Body))).Dispose();

        using var submitted = await SendAsync(HttpMethod.Post, path + "/submit", key: "send-1");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("submitted", (await ReadAsync(submitted)).GetProperty("status").GetString());
        var first = await cycle.StoredAsync(ConsulteeCycle.PatEmail);

        using var retry = await SendAsync(HttpMethod.Post, path + "/submit", key: "send-1");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        using var other = await SendAsync(HttpMethod.Post, path + "/submit", key: "send-2");
        await AssertProblemAsync(other, HttpStatusCode.Conflict);
        using var save = await SendAsync(HttpMethod.Put, path, Json("""{ "comments": "too late" }"""));
        await AssertProblemAsync(save, HttpStatusCode.Conflict, text: "already");

        var after = await cycle.StoredAsync(ConsulteeCycle.PatEmail);
        Assert.Equal(first!.Version, after!.Version);
        Assert.Equal(first.SubmittedAt, after.SubmittedAt);
        Assert.Equal("Thanks.", after.Content.Comments);
        using var get = await Client.GetAsync(path);
        Assert.False((await ReadAsync(get)).GetProperty("canChange").GetBoolean());
    }

    [Fact]
    public async Task Submit_with_a_body_saves_and_sends_in_one_go_and_an_empty_response_cannot_be_sent()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);

        using var empty = await SendAsync(HttpMethod.Post, $"/api/responses/{cycle.Casey}/submit");
        await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "answers");
        Assert.Null(await cycle.StoredAsync(ConsulteeCycle.CaseyEmail));

        using var sent = await SendAsync(HttpMethod.Post, $"/api/responses/{cycle.Casey}/submit", Json(Body));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var stored = await cycle.StoredAsync(ConsulteeCycle.CaseyEmail);
        Assert.Equal(ResponseStatus.Submitted, stored!.Status);
        Assert.Equal("A safe home first.", stored.Content.Answers[0].Comment);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_keeps_the_newer_save()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        var path = $"/api/responses/{cycle.Pat}";
        using var first = await SendAsync(HttpMethod.Put, path, Json("""{ "comments": "one" }"""));
        var etag = first.Headers.ETag!.ToString();
        using var second = await SendAsync(HttpMethod.Put, path, Json("""{ "comments": "two" }"""), ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using var stale = await SendAsync(HttpMethod.Put, path, Json("""{ "comments": "three" }"""), ifMatch: etag);

        await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal("two", (await cycle.StoredAsync(ConsulteeCycle.PatEmail))!.Content.Comments);
    }

    [Fact]
    public async Task Tampered_tokens_are_404_revoked_are_410_and_another_consultees_token_never_reaches_this_response()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        (await SendAsync(HttpMethod.Put, $"/api/responses/{cycle.Riley}", Json("""{ "comments": "Riley only" }"""))).Dispose();
        var tampered = cycle.Riley[..^2] + (cycle.Riley[^2] == 'A' ? "B" : "A") + cycle.Riley[^1];

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put })
        {
            using var response = await SendAsync(method, $"/api/responses/{tampered}", method == HttpMethod.Put ? Json(Body) : null);
            await AssertProblemAsync(response, HttpStatusCode.NotFound, text: "does not work");
        }

        using var caseys = await Client.GetAsync($"/api/responses/{cycle.Casey}");
        Assert.DoesNotContain("Riley only", await caseys.Content.ReadAsStringAsync());
        (await SendAsync(HttpMethod.Post, $"/api/responses/{cycle.Casey}/submit", Json(Body))).Dispose();
        Assert.Equal("Riley only", (await cycle.StoredAsync(ConsulteeCycle.RileyEmail))!.Content.Comments);
        Assert.Equal(ResponseStatus.InProgress, (await cycle.StoredAsync(ConsulteeCycle.RileyEmail))!.Status);

        await fixture.Host.Services.GetRequiredService<IConsulteeLinkIssuer>().RevokeAsync(cycle.CycleId, ConsulteeCycle.Id(ConsulteeCycle.RileyEmail));
        using var revoked = await SendAsync(HttpMethod.Put, $"/api/responses/{cycle.Riley}", Json(Body));
        await AssertProblemAsync(revoked, HttpStatusCode.Gone);
        using var revokedSubmit = await SendAsync(HttpMethod.Post, $"/api/responses/{cycle.Riley}/submit");
        await AssertProblemAsync(revokedSubmit, HttpStatusCode.Gone);
        Assert.Equal(1, (await cycle.StoredAsync(ConsulteeCycle.RileyEmail))!.Version);
    }
}
