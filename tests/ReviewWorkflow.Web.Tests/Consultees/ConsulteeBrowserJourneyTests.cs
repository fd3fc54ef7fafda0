using Microsoft.Playwright;
using ReviewWorkflow.Web.Tests.Browser;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary>
/// A young person on a 320px phone without JavaScript: opens the emailed link, answers in plain language, saves, comes
/// back, checks and sends, and sees the confirmation. axe-core runs on every page they see (its own JavaScript page
/// over the same URL): zero serious or critical violations.
/// </summary>
public sealed class ConsulteeBrowserJourneyTests : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();

    public Task InitializeAsync() => _browser.InitializeAsync();

    public Task DisposeAsync() => _browser.DisposeAsync();

    private async Task AssertAccessibleAsync(string url)
    {
        var page = await _browser.NewPageAsync(javaScript: true, width: 320);
        await page.GotoAsync(url);
        var violations = await Axe.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe on {url}:\n" + string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"{page.Url} scrolls sideways on a 320px phone: {width}px wide.");
    }

    [Fact]
    public async Task A_young_person_answers_on_a_phone_saves_comes_back_and_sends()
    {
        var cycle = await ConsulteeCycle.StartAsync(_browser.Host, ConsulteeCycle.JumpToNextMonday(_browser.Host));
        var link = $"/respond/{cycle.Riley}";
        var screenshots = Path.Combine(Path.GetTempPath(), "rw-web-screenshots");
        System.IO.Directory.CreateDirectory(screenshots);

        // Open the emailed link: the plain-language form.
        var page = await _browser.NewPageAsync(width: 320);
        await page.GotoAsync(link);
        Assert.Equal("Have your say", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Have your say - Northbridge Council", await page.TitleAsync());
        await AssertFitsThePhoneAsync(page);
        await AssertAccessibleAsync(link);

        await page.GetByLabel("I agree with some of it").First.CheckAsync();
        await page.GetByLabel("Tell us more (you do not have to) (promise 1)").FillAsync("A home near my friends <b>please</b>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish later" }).ClickAsync();
        Assert.Contains("We saved your answers", await page.Locator("#saved").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "respond-saved-phone.png"), FullPage = true });
        await AssertAccessibleAsync(page.Url);
        await page.Context.CloseAsync();

        // Come back later (a new browser session): the answers are there; add one more and go on.
        page = await _browser.NewPageAsync(width: 320);
        await page.GotoAsync(link);
        Assert.True(await page.GetByLabel("I agree with some of it").First.IsCheckedAsync());
        Assert.Equal("A home near my friends <b>please</b>", await page.GetByLabel("Tell us more (you do not have to) (promise 1)").InputValueAsync());
        await page.GetByLabel("Yes, I agree").Nth(1).CheckAsync();
        await page.GetByLabel("Anything else you want to tell us? (you do not have to)").FillAsync("Thank you for asking us.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        // Check, then send.
        Assert.Equal("Check your answers", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("A home near my friends <b>please</b>", await page.Locator(".govuk-summary-list").InnerTextAsync());
        await AssertFitsThePhoneAsync(page);
        await AssertAccessibleAsync(page.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();

        // The confirmation.
        Assert.Equal("Thank you. We got your answers", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Thank you for asking us.", await page.Locator("main").InnerTextAsync());
        await AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "respond-sent-phone.png"), FullPage = true });
        await AssertAccessibleAsync(page.Url);
        await page.Context.CloseAsync();

        var stored = await cycle.StoredAsync(ConsulteeCycle.RileyEmail);
        Assert.True(stored!.Submitted);
        Assert.Equal(2, stored.Content.Answers.Count);
    }
}
