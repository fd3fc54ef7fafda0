using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ReviewWorkflow.Web.Security;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Authentication;

public sealed class DevelopmentSignInTests(DevelopmentHost development, ProductionHost production)
    : IClassFixture<DevelopmentHost>, IClassFixture<ProductionHost>
{
    private static HttpRequestMessage As(string path, string email, params (string Name, string Value)[] extra)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Dev-User", email);
        foreach (var (name, value) in extra)
        {
            request.Headers.Add(name, value);
        }

        return request;
    }

    [Theory]
    [InlineData("lead@council.example", "lead", HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("clerk@council.example", "clerk", HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("admin@council.example", "admin", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("aisha.k@voices.council.example", "", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task Each_role_passes_its_own_policy_and_an_administrator_passes_every_one(string email, string role, HttpStatusCode lead, HttpStatusCode clerk, HttpStatusCode admin)
    {
        using var me = await development.Host.Client.SendAsync(As("/api/probe/me", email));
        using var doc = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        Assert.True(doc.RootElement.GetProperty("authenticated").GetBoolean());
        Assert.Equal(role, string.Join(",", doc.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));

        foreach (var (path, expected) in new[] { ("/api/probe/lead", lead), ("/api/probe/clerk", clerk), ("/api/probe/admin", admin) })
        {
            using var response = await development.Host.Client.SendAsync(As(path, email));
            Assert.True(expected == response.StatusCode, $"{email} on {path}: expected {expected}, got {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Anonymous_API_call_gets_401_problem_details()
    {
        using var response = await development.Host.Client.GetAsync("/api/probe/lead");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_dev_user_is_refused()
    {
        using var response = await development.Host.Client.SendAsync(As("/api/probe/lead", "nobody@council.example"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task X_Dev_User_is_ignored_outside_Development()
    {
        using var me = await production.Host.Client.SendAsync(As("/api/probe/me", "lead@council.example"));
        using var lead = await production.Host.Client.SendAsync(As("/api/probe/lead", "lead@council.example"));

        Assert.Contains("\"authenticated\":false", await me.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, lead.StatusCode);
    }

    [Fact]
    public async Task X_Dev_User_is_ignored_on_a_proxied_request_even_in_Development()
    {
        using var response = await development.Host.Client.SendAsync(As("/api/probe/lead", "lead@council.example", ("X-Forwarded-For", "203.0.113.9")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Sign_in_page_does_not_exist_outside_Development()
    {
        using var get = await production.Host.Client.GetAsync("/dev/sign-in");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Sign_in_page_lists_the_demo_staff_with_their_roles()
    {
        var html = await development.Host.Client.GetStringAsync("/dev/sign-in");

        Assert.Contains("value=\"lead@council.example\"", html);
        Assert.Contains("value=\"clerk@council.example\"", html);
        Assert.Contains("value=\"admin@council.example\"", html);
        Assert.Contains("Priya Shah", html);
        Assert.DoesNotContain("value=\"aisha.k@voices.council.example\"", html);
    }

    [Fact]
    public async Task Signed_in_cookie_identifies_the_user_on_later_requests()
    {
        var cookies = new CookieContainer();
        using var client = development.Host.NewClient(cookies);
        var token = Forms.AntiforgeryToken(await client.GetStringAsync("/dev/sign-in?returnUrl=%2Fapi%2Fprobe%2Fclerk"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "clerk@council.example", ["ReturnUrl"] = "/api/probe/clerk", ["__RequestVerificationToken"] = token,
        });

        using var post = await client.PostAsync("/dev/sign-in", form);
        using var clerk = await client.GetAsync(post.Headers.Location);

        Assert.Equal("/api/probe/clerk", post.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, clerk.StatusCode);
    }

    [Fact]
    public async Task Return_url_to_another_site_is_not_followed()
    {
        var cookies = new CookieContainer();
        using var client = development.Host.NewClient(cookies);
        var token = Forms.AntiforgeryToken(await client.GetStringAsync("/dev/sign-in"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "lead@council.example", ["ReturnUrl"] = "https://evil.example/", ["__RequestVerificationToken"] = token,
        });

        using var post = await client.PostAsync("/dev/sign-in", form);

        Assert.Equal("/", post.Headers.Location?.OriginalString);
    }

    [Fact]
    public void Local_development_gate_needs_a_loopback_address()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        Assert.False(LocalDevelopment.IsDirectLoopback(context));
        context.Connection.RemoteIpAddress = IPAddress.IPv6Loopback;
        Assert.True(LocalDevelopment.IsDirectLoopback(context));
    }
}
