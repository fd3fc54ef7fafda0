using System.Net;
using System.Text.Json;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Hostile;

/// <summary>
/// Malformed, oversized and wrongly typed input to every state-changing API route, and attempts to act beyond one's
/// role: each gets a clear 4xx problem (never a 500) and changes nothing, shown by reading the state back.
/// </summary>
public class HostileApiTests(HostileCycle fixture) : IClassFixture<HostileCycle>
{
    private static readonly string Huge = "{\"closes\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
    private static readonly string Deep = new string('[', 5000) + new string(']', 5000);

    public static TheoryData<string, string> Bodies => new()
    {
        { "broken JSON", "{" },
        { "an array", "[]" },
        { "null", "null" },
        { "a string", "\"hello\"" },
        { "nesting 5,000 deep", Deep },
        { "a date in the wrong format", "{\"closes\":\"13/03/2026\",\"version\":\"1\",\"meetingDate\":\"1 April\",\"body\":\"Cabinet\"}" },
        { "a number for a date", "{\"closes\":12,\"meetingDate\":12}" },
        { "an unknown enum value", "{\"body\":\"Cabinet\",\"meetingDate\":\"2026-04-15\",\"outcome\":\"banana\",\"minuteReference\":\"C/1\",\"resolution\":\"x\"}" },
        { "an unknown field", "{\"closes\":\"2026-03-18\",\"version\":\"1\",\"isAdmin\":true}" },
        { "invalid UTF-8 escapes", "{\"closes\":\"\\uD800\"}" },
    };

    private string[] StateChangingRoutes => [
        "/api/cycles",
        $"/api/cycles/{fixture.CycleId}/consultation/extend",
        $"/api/cycles/{fixture.CycleId}/drafts",
        $"/api/cycles/{fixture.CycleId}/decisions",
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Malformed_bodies_get_a_400_problem_on_every_route_and_change_nothing(string what, string body)
    {
        var before = await fixture.SnapshotAsync();
        using var admin = fixture.Host.ClientAs("admin@council.example");

        foreach (var route in StateChangingRoutes)
        {
            using var response = await HostileCycle.SendAsync(admin, HttpMethod.Post, route, body, key: "hostile-" + Guid.NewGuid());
            await AssertProblemAsync(response, $"{what} to {route}", HttpStatusCode.BadRequest);
        }

        foreach (var token in fixture.Tokens.Values)
        {
            using var response = await HostileCycle.SendAsync(fixture.Host.Client, HttpMethod.Put, $"/api/responses/{token}", body, key: "hostile-" + Guid.NewGuid());
            await AssertProblemAsync(response, $"{what} to PUT /api/responses", HttpStatusCode.BadRequest);
        }

        Assert.Equal(before.Split('\n'), (await fixture.SnapshotAsync()).Split('\n'));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    [InlineData("")]
    public async Task Wrong_content_types_get_415_and_change_nothing(string contentType)
    {
        var before = await fixture.SnapshotAsync();
        using var admin = fixture.Host.ClientAs("admin@council.example");
        const string body = "{\"closes\":\"2026-03-18\"}";

        foreach (var route in StateChangingRoutes)
        {
            using var response = await HostileCycle.SendAsync(admin, HttpMethod.Post, route, body, contentType, key: "hostile-" + Guid.NewGuid());
            await AssertProblemAsync(response, $"{contentType} to {route}", HttpStatusCode.UnsupportedMediaType, HttpStatusCode.BadRequest);
        }

        var token = fixture.Tokens.Values.First();
        using var put = await HostileCycle.SendAsync(fixture.Host.Client, HttpMethod.Put, $"/api/responses/{token}", "{\"answers\":[]}", contentType, key: "hostile-" + Guid.NewGuid());
        await AssertProblemAsync(put, $"{contentType} to PUT /api/responses", HttpStatusCode.UnsupportedMediaType, HttpStatusCode.BadRequest);
        Assert.Equal(before.Split('\n'), (await fixture.SnapshotAsync()).Split('\n'));
    }

    [Fact]
    public async Task Oversized_bodies_get_413_and_change_nothing()
    {
        var before = await fixture.SnapshotAsync();
        using var admin = fixture.Host.ClientAs("admin@council.example");

        foreach (var route in StateChangingRoutes)
        {
            using var response = await HostileCycle.SendAsync(admin, HttpMethod.Post, route, Huge, key: "hostile-" + Guid.NewGuid());
            await AssertProblemAsync(response, $"2 MiB to {route}", HttpStatusCode.RequestEntityTooLarge);
        }

        using var put = await HostileCycle.SendAsync(fixture.Host.Client, HttpMethod.Put, $"/api/responses/{fixture.Tokens.Values.First()}", Huge, key: "hostile-big");
        await AssertProblemAsync(put, "2 MiB to PUT /api/responses", HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before.Split('\n'), (await fixture.SnapshotAsync()).Split('\n'));
    }

    [Fact]
    public async Task State_changing_calls_without_an_Idempotency_Key_are_refused_naming_the_header()
    {
        var before = await fixture.SnapshotAsync();
        using var lead = fixture.Host.ClientAs(HostileCycle.Lead);

        using var response = await HostileCycle.SendAsync(lead, HttpMethod.Post, $"/api/cycles/{fixture.CycleId}/consultation/extend", "{\"closes\":\"2026-03-18\"}");

        var problem = await AssertProblemAsync(response, "extend without a key", HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", problem, StringComparison.Ordinal);
        Assert.Equal(before.Split('\n'), (await fixture.SnapshotAsync()).Split('\n'));
    }

    [Theory]
    [InlineData("/api/cycles/{0}/consultation/extend", "{\"closes\":\"2026-03-18\"}")]
    [InlineData("/api/responses/{1}/submit", "{ \"answers\": [ { \"pledge\": 1, \"view\": \"agree\", \"comment\": \"Yes.\" } ], \"comments\": \"Thanks.\" }")]
    public async Task Two_Idempotency_Keys_are_refused_naming_the_header(string route, string body)
    {
        var before = await fixture.SnapshotAsync();
        using var lead = fixture.Host.ClientAs(HostileCycle.Lead);
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Format(System.Globalization.CultureInfo.InvariantCulture, route, fixture.CycleId, fixture.Tokens.Values.First()));
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        Assert.True(request.Headers.TryAddWithoutValidation("Idempotency-Key", ["two-keys-1", "two-keys-2"]));

        using var response = await lead.SendAsync(request);

        var problem = await AssertProblemAsync(response, "two keys", HttpStatusCode.BadRequest);
        Assert.Contains("one Idempotency-Key", problem, StringComparison.Ordinal);
        Assert.Equal(before.Split('\n'), (await fixture.SnapshotAsync()).Split('\n'));
    }

    [Theory]
    [InlineData("Riley\r\nBcc: everyone@elsewhere.example", "consultation.groups[0].members[0].name")]
    [InlineData("Riley\nAdams", "consultation.groups[0].members[0].name")]
    public async Task Line_breaks_in_a_name_that_would_reach_an_email_header_are_refused_naming_the_field(string name, string field)
    {
        var before = await fixture.SnapshotAsync();
        using var lead = fixture.Host.ClientAs(HostileCycle.Lead);
        var body = HostileCycle.StartBody("Header injection");
        body["consultation"]!["groups"]![0]!["members"]![0]!["name"] = name;

        using var response = await HostileCycle.SendAsync(lead, HttpMethod.Post, "/api/cycles", body.ToJsonString(), key: "hostile-" + Guid.NewGuid());

        var problem = await AssertProblemAsync(response, "a name with a line break", HttpStatusCode.BadRequest);
        Assert.Contains(field, problem, StringComparison.Ordinal);
        Assert.Equal(before.Split('\n'), (await fixture.SnapshotAsync()).Split('\n'));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\windows")]
    [InlineData("cycle/../other")]
    [InlineData("a%2F..%2Fb")]
    public async Task A_cycle_id_that_is_a_path_is_refused(string id)
    {
        var before = await fixture.SnapshotAsync();
        using var lead = fixture.Host.ClientAs(HostileCycle.Lead);
        var body = HostileCycle.StartBody("Path traversal");
        body["id"] = id;

        using var response = await HostileCycle.SendAsync(lead, HttpMethod.Post, "/api/cycles", body.ToJsonString(), key: "hostile-" + Guid.NewGuid());

        var problem = await AssertProblemAsync(response, "a path as the id", HttpStatusCode.BadRequest);
        Assert.Contains("\"id\"", problem, StringComparison.Ordinal);
        Assert.Equal(before.Split('\n'), (await fixture.SnapshotAsync()).Split('\n'));
    }

    [Theory]
    [InlineData("/api/cycles/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/cycles/%2e%2e/audit")]
    [InlineData("/api/cycles/nope'%20or%20'1'%20eq%20'1/audit?format=csv")]
    [InlineData("/api/cycles/x%00y")]
    public async Task Paths_and_filter_injection_in_a_cycle_id_find_nothing(string path)
    {
        using var lead = fixture.Host.ClientAs(HostileCycle.Lead);

        using var response = await lead.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
    }

    [Fact]
    public async Task Roles_cannot_be_escalated()
    {
        var before = await fixture.SnapshotAsync();
        var decision = "{\"body\":\"Corporate Parenting Panel\",\"meetingDate\":\"2026-04-01\",\"outcome\":\"adopt\",\"minuteReference\":\"CPP/1\",\"resolution\":\"Adopted.\"}";
        using var clerk = fixture.Host.ClientAs(HostileCycle.Clerk);
        using var lead = fixture.Host.ClientAs(HostileCycle.Lead);
        using var consulteeLike = fixture.Host.ClientAs("aisha.k@voices.council.example");

        // A clerk cannot start or steer a cycle; a lead cannot record a decision; someone in the directory with no role
        // can do nothing; nobody signed in can read anything.
        Assert.Equal(HttpStatusCode.Forbidden, (await HostileCycle.SendAsync(clerk, HttpMethod.Post, "/api/cycles", HostileCycle.StartBody("Clerk's cycle").ToJsonString(), key: "esc-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await HostileCycle.SendAsync(clerk, HttpMethod.Post, $"/api/cycles/{fixture.CycleId}/consultation/close", "{}", key: "esc-2")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await HostileCycle.SendAsync(lead, HttpMethod.Post, $"/api/cycles/{fixture.CycleId}/decisions", decision, key: "esc-3")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await consulteeLike.GetAsync($"/api/cycles/{fixture.CycleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Host.Client.GetAsync($"/api/cycles/{fixture.CycleId}/audit")).StatusCode);

        // Headers that would sign someone in are ignored where they are not to be trusted: App Service's principal when
        // App Service Authentication is not in front, the development header from anything but a direct loopback call,
        // and an address that is not in the directory.
        var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            "{\"auth_typ\":\"aad\",\"claims\":[{\"typ\":\"preferred_username\",\"val\":\"mallory@evil.example\"},{\"typ\":\"roles\",\"val\":\"admin\"}]}"));
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cycles/{fixture.CycleId}/consultation/close"))
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", forged);
            request.Headers.Add("Idempotency-Key", "esc-4");
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Host.Client.SendAsync(request)).StatusCode);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cycles/{fixture.CycleId}/consultation/close"))
        {
            request.Headers.Add("X-Dev-User", "admin@council.example");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            request.Headers.Add("Idempotency-Key", "esc-5");
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Host.Client.SendAsync(request)).StatusCode);
        }

        using var stranger = fixture.Host.ClientAs("mallory@evil.example");
        Assert.True((await stranger.GetAsync("/api/cycles")).StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);

        // A consultee's link opens only responses, never the staff API.
        var token = fixture.Tokens.Values.First();
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Host.Client.GetAsync($"/api/cycles/{fixture.CycleId}?token={token}")).StatusCode);
        Assert.Equal(before.Split('\n'), (await fixture.SnapshotAsync()).Split('\n'));
    }

    [Fact]
    public async Task An_unsigned_or_badly_signed_webhook_call_is_refused_and_changes_nothing()
    {
        var before = await fixture.SnapshotAsync();
        var body = JsonSerializer.Serialize(new[] { new { email = "riley@young.example", @event = "bounce", sg_event_id = "evt-forged", cycleId = fixture.CycleId, timestamp = 1772445600 } });

        using var unsigned = await HostileCycle.SendAsync(fixture.Host.Client, HttpMethod.Post, "/webhooks/sendgrid", body);
        using var badlySigned = new HttpRequestMessage(HttpMethod.Post, "/webhooks/sendgrid") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        badlySigned.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", "MEUCIQDforged");
        badlySigned.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", "1772445600");
        using var forged = await fixture.Host.Client.SendAsync(badlySigned);

        Assert.True((int)unsigned.StatusCode is >= 400 and < 500, $"unsigned: {unsigned.StatusCode}");
        Assert.True((int)forged.StatusCode is >= 400 and < 500, $"forged: {forged.StatusCode}");
        Assert.Equal(before.Split('\n'), (await fixture.SnapshotAsync()).Split('\n'));
    }

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, string what, params HttpStatusCode[] expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected.Contains(response.StatusCode), $"{what}: expected {string.Join(" or ", expected)}, got {(int)response.StatusCode} {text[..Math.Min(text.Length, 500)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        Assert.Equal((int)response.StatusCode, json.RootElement.GetProperty("status").GetInt32());
        return text;
    }
}
