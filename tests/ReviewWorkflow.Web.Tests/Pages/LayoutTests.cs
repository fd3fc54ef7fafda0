using System.Net;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Consultation;

namespace ReviewWorkflow.Web.Tests.Pages;

public sealed class LayoutTests(DevelopmentHost fixture) : IClassFixture<DevelopmentHost>
{
    [Fact]
    public async Task Layout_has_the_GOV_UK_template_parts()
    {
        var html = await fixture.Host.Client.GetStringAsync("/");

        Assert.Contains("<html lang=\"en\" class=\"govuk-template\">", html);
        Assert.Contains("<a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>", html);
        Assert.Contains("govuk-service-navigation__service-name", html);
        Assert.Contains(">Review a strategy</a>", html);
        Assert.Contains("govuk-phase-banner", html);
        Assert.Contains("<main class=\"govuk-main-wrapper\" id=\"main-content\">", html);
        Assert.Contains("govuk-footer", html);
        Assert.Contains("name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\"", html);
        Assert.Contains("<title>Home - Review a strategy - Northbridge Council</title>", html);
    }

    [Fact]
    public async Task Error_title_convention_and_summary_link_to_the_field()
    {
        var cookies = new CookieContainer();
        using var client = fixture.Host.NewClient(cookies);
        var token = Forms.AntiforgeryToken(await client.GetStringAsync("/dev/sign-in"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "", ["__RequestVerificationToken"] = token });

        using var response = await client.PostAsync("/dev/sign-in", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Sign in as a demo user - Review a strategy - Northbridge Council</title>", html);
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("<a href=\"#Email\">Enter the email address of someone in the local directory</a>", html);
        Assert.Contains("id=\"Email-error\" class=\"govuk-error-message\"", html);
        Assert.Contains("govuk-form-group--error", html);
        Assert.Contains("aria-describedby=\"Email-hint Email-error\"", html);
    }

    [Fact]
    public async Task Consultee_link_page_uses_the_plain_language_variant_and_says_what_to_do()
    {
        using var response = await fixture.Host.Client.GetAsync("/respond/not-a-real-link");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("rw-plain-language", html);
        Assert.Contains(">Have your say</a>", html);
        Assert.Contains("This link does not work", html);
        Assert.Contains("reply to the email", html);
        Assert.DoesNotContain("Signed in as", html);
    }

    [Fact]
    public async Task Consultee_link_page_opens_nothing_for_a_cycle_that_does_not_exist_and_explains_a_revoked_link()
    {
        var links = fixture.Host.Services.GetRequiredService<IConsulteeLinkIssuer>();
        var valid = await links.IssueAsync("cycle-x", "yp-lily", DateTimeOffset.UtcNow.AddDays(7));
        var revoked = await links.IssueAsync("cycle-x", "yp-ellis", DateTimeOffset.UtcNow.AddDays(7));
        await links.RevokeAsync("cycle-x", "yp-ellis");

        using var ok = await fixture.Host.Client.GetAsync("/respond/" + valid.Token);
        using var gone = await fixture.Host.Client.GetAsync("/respond/" + revoked.Token);

        Assert.Equal(HttpStatusCode.NotFound, ok.StatusCode); // signed, but "cycle-x" was never started (tests/…/Consultees cover real links)
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("newer link", await gone.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/assets/govuk/govuk-frontend.min.css", "text/css")]
    [InlineData("/assets/fonts/bold-b542beb274-v2.woff2", "font/woff2")]
    [InlineData("/assets/images/favicon.ico", "image/x-icon")]
    [InlineData("/assets/app/review-workflow.css", "text/css")]
    public async Task GOV_UK_Frontend_files_are_served(string path, string type)
    {
        using var response = await fixture.Host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Signed_in_user_is_named_with_roles()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Dev-User", "lead@council.example");

        using var response = await fixture.Host.Client.SendAsync(request);

        Assert.Contains("You are signed in as <strong>Priya Shah</strong> (lead)", await response.Content.ReadAsStringAsync());
    }
}
