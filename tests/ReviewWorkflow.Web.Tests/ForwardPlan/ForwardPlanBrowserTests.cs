using Microsoft.Playwright;
using ReviewWorkflow.Web.Tests.Browser;

namespace ReviewWorkflow.Web.Tests.ForwardPlan;

/// <summary>The forward plan and the exception route page in a real browser with axe-core.</summary>
public sealed class ForwardPlanBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task AssertAxeAsync(IPage page, string what)
    {
        var violations = await Axe.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe on {what}:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task Forward_plan_and_the_exception_form_with_its_errors_pass_axe()
    {
        var id = await LateKeyDecision.StartAsync(browser.Host, "Care Leavers Local Offer 2026");
        var page = await browser.NewPageAsync(javaScript: true);

        await page.GotoAsync("/forward-plan");
        Assert.Equal("Forward plan of key decisions", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.Locator($"[data-reference='{id}-2']").WaitForAsync();
        await AssertAxeAsync(page, "/forward-plan");

        await page.GotoAsync("/dev/sign-in");
        await page.Locator("button[value='clerk@council.example']").ClickAsync();
        await page.WaitForLoadStateAsync();
        await page.GotoAsync($"/clerk/key-decisions/{id}/1");
        await AssertAxeAsync(page, "the exception route page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record the exception route" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await AssertAxeAsync(page, "the exception route page with errors");

        await page.GotoAsync("/clerk");
        await AssertAxeAsync(page, "the clerk's list with a late key decision");
        await page.Context.CloseAsync();
    }
}
