using Microsoft.Playwright;
using ReviewWorkflow.Web.Tests.Consultees;

namespace ReviewWorkflow.Web.Tests.Browser;

/// <summary>
/// The staff pages on a 320px phone (WCAG 2.2 1.4.10 reflow): the dashboard, a cycle's page with its five tables and
/// long email addresses, and the clerk's list never make the page scroll sideways; a wide
/// table scrolls inside its own box, which takes keyboard focus and has a name (axe: zero serious or critical).
/// </summary>
public sealed class PhoneWidthBrowserTests : IAsyncLifetime
{
    private const int Phone = 320;

    private readonly BrowserFixture _browser = new();

    public Task InitializeAsync() => _browser.InitializeAsync();

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task Staff_pages_fit_a_320px_phone_and_their_tables_scroll_in_a_focusable_box()
    {
        var cycle = await ConsulteeCycle.StartAsync(_browser.Host, ConsulteeCycle.JumpToNextMonday(_browser.Host));
        var pages = new (string Path, string User)[]
        {
            ("/", "lead@council.example"),
            ($"/cycles/{cycle.CycleId}", "lead@council.example"),
            ("/clerk", "clerk@council.example"),
        };

        foreach (var (path, user) in pages)
        {
            foreach (var javaScript in new[] { false, true })
            {
                var page = await _browser.NewPageAsync(javaScript, Phone);
                await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Dev-User"] = user });
                var response = await page.GotoAsync(path);
                Assert.True(response is { Ok: true }, $"{path} as {user}: {response?.Status}");

                var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(width <= Phone, $"{path} scrolls sideways on a {Phone}px phone ({(javaScript ? "with" : "without")} JavaScript): {width}px wide.");

                if (javaScript)
                {
                    await AssertTablesScrollInNamedFocusableBoxesAsync(page, path);
                    var violations = await Axe.SeriousViolationsAsync(page);
                    Assert.True(violations.Count == 0, $"axe on {path} at {Phone}px:\n" + string.Join("\n", violations));
                }

                await page.Context.CloseAsync();
            }
        }
    }

    private static async Task AssertTablesScrollInNamedFocusableBoxesAsync(IPage page, string path)
    {
        var tables = page.Locator("table.govuk-table");
        var count = await tables.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var box = tables.Nth(i).Locator("xpath=..");
            Assert.True(await box.GetAttributeAsync("class") is { } css && css.Contains("rw-table-scroll", StringComparison.Ordinal),
                $"Table {i + 1} on {path} is not inside a scrolling box.");
            Assert.Equal("0", await box.GetAttributeAsync("tabindex"));
            Assert.False(string.IsNullOrWhiteSpace(await box.GetAttributeAsync("aria-label")), $"Table {i + 1}'s box on {path} has no name.");
        }
    }
}
