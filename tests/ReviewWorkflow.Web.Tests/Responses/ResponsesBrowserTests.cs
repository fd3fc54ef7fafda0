using Microsoft.Playwright;
using ReviewWorkflow.Web.Tests.Browser;

namespace ReviewWorkflow.Web.Tests.Responses;

/// <summary>The responses page (with a theme, filters in error and not), and one response's page, in Chromium: axe-core
/// finds no serious or critical issue, and the views at a glance render without JavaScript.</summary>
[Collection(ResponsesGroup.Name)]
public sealed class ResponsesBrowserTests(ResponsesFixture fixture) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    private async Task<IPage> PageAsync(bool javaScript)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.Address.ToString(),
            JavaScriptEnabled = javaScript,
            BypassCSP = javaScript, // only so axe-core can be injected
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Dev-User"] = ResponsesFixture.Lead },
        });
        return await context.NewPageAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("?audience=carers&pledge=1&q=housing")]
    [InlineData("?pledge=9&view=maybe")]
    public async Task The_responses_page_has_no_serious_accessibility_issue(string query)
    {
        await EnsureThemeAsync();
        var page = await PageAsync(javaScript: true);
        await page.GotoAsync($"/cycles/{fixture.CycleId}/responses{query}");

        var violations = await Axe.SeriousViolationsAsync(page);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task One_responses_page_has_no_serious_accessibility_issue()
    {
        await EnsureThemeAsync();
        var page = await PageAsync(javaScript: true);
        await page.GotoAsync($"/cycles/{fixture.CycleId}/responses/{ResponsesFixture.Id(0)}");

        var violations = await Axe.SeriousViolationsAsync(page);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_bars_have_widths_without_javascript()
    {
        var page = await PageAsync(javaScript: false);
        await page.GotoAsync($"/cycles/{fixture.CycleId}/responses?audience=carers");

        var bar = page.Locator(".rw-chart__row[aria-label^='Carers'] .rw-chart__bar").First;
        var barWidth = (await bar.BoundingBoxAsync())!.Width;
        var segments = await bar.Locator(".rw-chart__seg").AllAsync();
        var widths = new List<float>();
        foreach (var segment in segments)
        {
            widths.Add((await segment.BoundingBoxAsync())?.Width ?? 0);
        }

        Assert.Equal(4, widths.Count);
        Assert.InRange(widths.Sum(), barWidth * 0.85f, barWidth * 1.05f);
        await page.Context.CloseAsync();
    }

    /// <summary>A theme with a tag, so the themes table and the tag list render.</summary>
    private async Task EnsureThemeAsync()
    {
        var analysis = fixture.Host.Services.GetRequiredService<Workflow.Analysis.ResponseAnalysis>();
        var actor = new Workflow.Cycles.Actor(ResponsesFixture.Lead, Workflow.Audit.AuditRole.Lead);
        var theme = await analysis.CreateThemeAsync(fixture.CycleId, "Seen in the browser", actor, "req-browser", "browser-theme");
        await analysis.TagAsync(fixture.CycleId, theme.ThemeId, ResponsesFixture.Id(0), "pledge-1", actor, "req-browser", "browser-tag");
    }
}
