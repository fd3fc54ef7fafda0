using System.Net;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Tests.Hostile;

/// <summary>Invalid, tampered, replayed and expired consultee links: a clear 4xx, a readable page, and nothing changes.</summary>
public class HostileTokenTests(HostileCycle fixture) : IClassFixture<HostileCycle>
{
    private const string Answers = "{\"answers\":[{\"pledge\":1,\"view\":\"agree\",\"comment\":\"Yes\"}],\"comments\":\"Thanks\"}";

    private string Flipped
    {
        get
        {
            var token = fixture.Tokens["pat@carers.example"];
            var i = token.Length / 2;
            return token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
        }
    }

    public static TheoryData<string> Garbage => new()
    {
        "x",
        "not-a-token",
        new string('A', 5000),
        "..%2F..%2Fetc%2Fpasswd",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "abc.def",
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Invalid_tokens_get_404_from_the_api_and_a_readable_page_and_change_nothing(string token)
    {
        var before = await fixture.SnapshotAsync();

        await AssertRefusedAsync(token, HttpStatusCode.NotFound, HttpStatusCode.BadRequest);

        Assert.Equal(before.Split('\n'), (await fixture.SnapshotAsync()).Split('\n'));
    }

    [Fact]
    public async Task A_tampered_token_opens_nothing_and_changes_nothing()
    {
        var before = await fixture.SnapshotAsync();

        await AssertRefusedAsync(Flipped, HttpStatusCode.NotFound);

        Assert.Equal(before.Split('\n'), (await fixture.SnapshotAsync()).Split('\n'));
    }

    [Fact]
    public async Task A_replayed_submission_is_stored_once_and_a_save_after_it_is_refused()
    {
        var token = fixture.Tokens["casey@young.example"];
        using (var saved = await HostileCycle.SendAsync(fixture.Host.Client, HttpMethod.Put, $"/api/responses/{token}", Answers, key: "casey-save"))
        {
            Assert.True(saved.IsSuccessStatusCode, $"save: {saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
        }

        using (var submitted = await HostileCycle.SendAsync(fixture.Host.Client, HttpMethod.Post, $"/api/responses/{token}/submit", null, key: "casey-submit"))
        {
            Assert.True(submitted.IsSuccessStatusCode, $"submit: {submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
        }

        var before = await fixture.SnapshotAsync();

        // The same request again (a retry) is answered as before; another submission, or a save, is refused.
        using (var retried = await HostileCycle.SendAsync(fixture.Host.Client, HttpMethod.Post, $"/api/responses/{token}/submit", null, key: "casey-submit"))
        {
            Assert.True(retried.IsSuccessStatusCode, $"retry: {retried.StatusCode}");
        }

        using (var again = await HostileCycle.SendAsync(fixture.Host.Client, HttpMethod.Post, $"/api/responses/{token}/submit", null, key: "casey-submit-2"))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        using (var save = await HostileCycle.SendAsync(fixture.Host.Client, HttpMethod.Put, $"/api/responses/{token}", Answers.Replace("agree", "disagree", StringComparison.Ordinal), key: "casey-save-2"))
        {
            Assert.Equal(HttpStatusCode.Conflict, save.StatusCode);
        }

        Assert.Equal(before.Split('\n'), (await fixture.SnapshotAsync()).Split('\n'));
        var stored = await fixture.Host.Services.GetRequiredService<ResponseStore>().ListAsync(fixture.CycleId);
        Assert.Single(stored, r => r.ConsulteeId == ConsulteeId.For("casey@young.example") && r.Submitted);
    }

    private async Task AssertRefusedAsync(string token, params HttpStatusCode[] expected)
    {
        using var get = await fixture.Host.Client.GetAsync($"/api/responses/{token}");
        using var put = await HostileCycle.SendAsync(fixture.Host.Client, HttpMethod.Put, $"/api/responses/{token}", Answers, key: "hostile-" + Guid.NewGuid());
        using var submit = await HostileCycle.SendAsync(fixture.Host.Client, HttpMethod.Post, $"/api/responses/{token}/submit", null, key: "hostile-" + Guid.NewGuid());
        using var page = await fixture.Host.Client.GetAsync($"/respond/{token}");

        foreach (var (what, response) in new[] { ("GET", get), ("PUT", put), ("submit", submit) })
        {
            Assert.True(expected.Contains(response.StatusCode) || response.StatusCode == HttpStatusCode.TooManyRequests,
                $"{what} {token[..Math.Min(token.Length, 40)]}: {(int)response.StatusCode}");
        }

        Assert.True((int)page.StatusCode is >= 400 and < 500, $"page: {(int)page.StatusCode}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("govuk-heading", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }
}

/// <summary>A link after it has expired: 410 and a page that says what to do; nothing changes.</summary>
public class HostileExpiredTokenTests(HostileCycle fixture) : IClassFixture<HostileCycle>
{
    [Fact]
    public async Task An_expired_link_is_gone_says_what_to_do_and_changes_nothing()
    {
        // Links work until 60 days (Workflow:LinkValidDaysAfterClose) after the consultation closes on 13 March.
        fixture.Host.Clock.JumpTo(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
        var token = fixture.Tokens["riley@young.example"];
        // The clock jump lets the cycle's own timers move it on, so compare what the link could change: the responses.
        var store = fixture.Host.Services.GetRequiredService<ResponseStore>();
        var before = System.Text.Json.JsonSerializer.Serialize(await store.ListAsync(fixture.CycleId));

        using var get = await fixture.Host.Client.GetAsync($"/api/responses/{token}");
        using var put = await HostileCycle.SendAsync(fixture.Host.Client, HttpMethod.Put, $"/api/responses/{token}", "{\"answers\":[],\"comments\":\"late\"}", key: "late-save");
        using var page = await fixture.Host.Client.GetAsync($"/respond/{token}");

        Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, put.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("reply to the email", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(await store.ListAsync(fixture.CycleId)));
    }
}

/// <summary>Every form, posted without its antiforgery token (as a cross-site page would): 400 and nothing changes.</summary>
public class HostileFormTests(HostileCycle fixture) : IClassFixture<HostileCycle>
{
    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_refused_and_change_nothing()
    {
        var before = await fixture.SnapshotAsync();
        using var lead = fixture.Host.ClientAs(HostileCycle.Lead);
        using var clerk = fixture.Host.ClientAs(HostileCycle.Clerk);
        var forms = new (string What, HttpClient Client, string Path)[]
        {
            ("start a cycle", lead, "/cycles/new"),
            ("a cycle action", lead, $"/cycles/{fixture.CycleId}"),
            ("record a decision", clerk, $"/clerk/decisions/{fixture.CycleId}"),
            ("the response form", fixture.Host.Client, $"/respond/{fixture.Tokens["pat@carers.example"]}"),
            ("development sign-in", fixture.Host.Client, "/dev/sign-in"),
        };

        foreach (var (what, client, path) in forms)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["closes"] = "2026-03-18",
                ["comments"] = "posted from another site",
                ["outcome"] = "adopt",
                ["email"] = "admin@council.example",
            });
            using var response = await client.PostAsync(path, content);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what} ({path}): {(int)response.StatusCode}");
            Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);
        }

        Assert.Equal(before.Split('\n'), (await fixture.SnapshotAsync()).Split('\n'));
    }
}
