using Microsoft.Playwright;
using ReviewWorkflow.Web.Tests.Outbox;

namespace ReviewWorkflow.Web.Tests.Browser;

/// <summary>The foundation's pages in a real browser, with axe-core on each. JavaScript is off for the journeys
/// (the service must work without it) and on only where axe runs.</summary>
public sealed class PageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task AssertAccessibleAsync(string path, Func<IPage, Task>? prepare = null)
    {
        var page = await browser.NewPageAsync(javaScript: true);
        await page.GotoAsync(path);
        if (prepare is not null)
        {
            await prepare(page);
        }

        var violations = await Axe.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe on {path}:\n" + string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Layout_renders_with_GOV_UK_styles_and_passes_axe()
    {
        var page = await browser.NewPageAsync(width: 1024);
        await page.GotoAsync("/");

        // The stylesheet really applied: GOV.UK's footer has its grey background, the skip link is hidden off screen.
        var footerBackground = await page.Locator("footer.govuk-footer").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(244, 248, 251)", footerBackground);
        Assert.Equal("Home - Review a strategy - Northbridge Council", await page.TitleAsync());

        var folder = Path.Combine(Path.GetTempPath(), "rw-web-screenshots");
        System.IO.Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "home.png"), FullPage = true });
        await page.Context.CloseAsync();

        await AssertAccessibleAsync("/");
    }

    [Fact]
    public async Task Layout_is_readable_on_a_phone()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "rw-web-screenshots"));
        var page = await browser.NewPageAsync(width: 320);
        await page.GotoAsync("/dev/sign-in");

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 320, $"The page scrolls sideways on a 320px phone: {scrollWidth}px wide.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "rw-web-screenshots", "sign-in-phone.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dev_sign_in_works_from_the_keyboard_without_JavaScript()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/dev/sign-in");

        // Tab from the top of the page until the clerk's button has focus, then press Enter.
        for (var i = 0; i < 30 && !await page.Locator("button[value='clerk@council.example']").EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement.outerHTML");
        Assert.Contains("clerk@council.example", focused);
        await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Url == new Uri(browser.Host.Address, "/").ToString());
        await page.WaitForLoadStateAsync();

        Assert.Contains("Tom Baxter", await page.Locator("#signed-in-as").InnerTextAsync());
        Assert.Contains("clerk", await page.Locator("#signed-in-as").InnerTextAsync());
        await page.Context.CloseAsync();

        await AssertAccessibleAsync("/dev/sign-in");
    }

    [Fact]
    public async Task Empty_form_shows_the_error_summary_linking_to_the_field()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/dev/sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        Assert.Equal("There is a problem", (await summary.Locator("h2").InnerTextAsync()).Trim());
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter the email address of someone in the local directory" }).ClickAsync();
        Assert.Equal("Email", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await page.Context.CloseAsync();

        await AssertAccessibleAsync("/dev/sign-in", async p =>
        {
            await p.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await p.Locator(".govuk-error-summary").WaitForAsync();
        });
    }

    [Fact]
    public async Task Stale_form_gets_the_readable_400_page()
    {
        var page = await browser.NewPageAsync(javaScript: true);
        await page.GotoAsync("/dev/sign-in");

        // What a form from an expired page looks like: its antiforgery field no longer matches.
        await page.EvaluateAsync("() => document.querySelectorAll('input[name=__RequestVerificationToken]').forEach(i => i.value = 'stale')");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("button[value='lead@council.example']").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/dev/sign-in", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync();

        Assert.Equal(400, response.Status);
        Assert.Equal("Your form could not be sent", (await page.Locator("h1").InnerTextAsync()).Trim());
        var violations = await Axe.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Outbox_lists_messages_with_links_that_work()
    {
        await OutboxTests.SendAsync(browser.Host, "<b>Have your say</b> on the pledge", $"Your link: {new Uri(browser.Host.Address, "/respond/not-issued")}");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/outbox");

        Assert.Equal("<b>Have your say</b> on the pledge", (await page.Locator(".govuk-summary-card__title").First.InnerTextAsync()).Trim());
        await page.Locator(".govuk-summary-card a.govuk-link").First.ClickAsync();
        Assert.Equal("This link does not work", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();

        await AssertAccessibleAsync("/outbox");
        await AssertAccessibleAsync("/respond/not-issued");
    }
}
