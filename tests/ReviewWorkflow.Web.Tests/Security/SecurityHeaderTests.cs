using System.Net;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Security;

public sealed class SecurityHeaderTests(DevelopmentHost development, ProductionHost production)
    : IClassFixture<DevelopmentHost>, IClassFixture<ProductionHost>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/assets/govuk/govuk-frontend.min.css")]
    [InlineData("/no-such-page")]
    [InlineData("/api/probe/me")]
    public async Task Every_response_has_a_CSP_without_inline_script_and_nosniff(string path)
    {
        using var response = await development.Host.Client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("style-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains("base-uri 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_committee_reports_one_inline_style_is_allowed_by_its_hash_and_nothing_else_is()
    {
        using var response = await development.Host.Client.GetAsync("/probe/report-style");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var html = ReviewWorkflow.Workflow.Reporting.CommitteeReportHtml.Render(new ReviewWorkflow.Workflow.Reporting.CommitteeReport());
        var style = html[(html.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length)..html.IndexOf("</style>", StringComparison.Ordinal)];
        var hash = "'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style))) + "'";
        Assert.Equal(hash, ReviewWorkflow.Workflow.Reporting.CommitteeReportHtml.StyleHashSource);
        Assert.Contains($"style-src 'self' {hash};", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consultee_pages_send_no_referrer_and_are_not_cached()
    {
        using var consultee = await development.Host.Client.GetAsync("/respond/some-token");
        using var staff = await development.Host.Client.GetAsync("/");

        Assert.Equal("no-referrer", consultee.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(consultee.Headers.CacheControl!.NoStore);
        Assert.Equal("same-origin", staff.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task HSTS_is_sent_outside_Development_only()
    {
        using var prod = await production.Host.Client.GetAsync("/");
        using var dev = await development.Host.Client.GetAsync("/");

        Assert.StartsWith("max-age=", prod.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(dev.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_or_style()
    {
        var html = await development.Host.Client.GetStringAsync("/dev/sign-in");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_problem_details_before_it_is_read()
    {
        using var content = new ByteArrayContent(new byte[1024 * 1024 + 1]);
        using var response = await development.Host.Client.PostAsync("/api/probe/echo", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_within_the_limit_is_read()
    {
        using var content = new ByteArrayContent(new byte[1000]);
        using var response = await development.Host.Client.PostAsync("/api/probe/echo", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task API_errors_are_problem_details_naming_the_field()
    {
        using var invalid = await development.Host.Client.GetAsync("/api/probe/invalid");
        using var missing = await development.Host.Client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        using var doc = System.Text.Json.JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        Assert.Equal("Enter a date after today.", doc.RootElement.GetProperty("errors").GetProperty("consultation.closes")[0].GetString());
        Assert.Contains("consultation.closes", doc.RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Page_errors_are_readable_pages_with_the_right_status()
    {
        using var response = await development.Host.Client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html);
        Assert.Contains("govuk-template", html);
    }
}
