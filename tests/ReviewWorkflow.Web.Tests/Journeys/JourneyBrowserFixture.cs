using Microsoft.Playwright;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Web.Tests.Browser;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Journeys;

/// <summary>
/// The whole app in Development with the controllable clock on (as <c>./run.sh</c> runs it), over the test host's
/// shifted clock starting on <see cref="Start"/>: the controllable clock runs on top of it, so <c>/dev/clock</c> moves
/// the one clock every component reads. Debian's chromium, as <see cref="BrowserFixture"/> launches it.
/// </summary>
public sealed class JourneyBrowserFixture : IAsyncLifetime
{
    /// <summary>Monday 2 March 2026, 10:00 UTC: after the 09:00 send of a consultation opening today.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rw-journey-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public WebTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            throw new InvalidOperationException($"{BrowserFixture.ChromiumPath} is missing: run ./test.sh (it installs Debian's chromium) or 'apt-get install -y chromium'.");
        }

        Host = await WebTestHost.StartAsync("Development", new Dictionary<string, string?>
        {
            ["Development:ControllableClock"] = "true",
            ["Development:ClockFile"] = Path.Combine(_folder, "clock.txt"),
        }, Start);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>One person's browser: no cookies yet, JavaScript off (every page must work without it).</summary>
    public async Task<IPage> PersonAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.Address.ToString(), JavaScriptEnabled = false });
        return await context.NewPageAsync();
    }

    /// <summary>Opens <paramref name="path"/> in a JavaScript-enabled page (signed in as <paramref name="user"/> by the
    /// development header when given; CSP bypassed only to inject axe-core), runs axe-core and returns the serious and
    /// critical violations.</summary>
    public async Task<IReadOnlyList<string>> SeriousViolationsAsync(string path, string? user)
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(),
            JavaScriptEnabled = true,
            BypassCSP = true,
            ExtraHTTPHeaders = user is null ? null : new Dictionary<string, string> { ["X-Dev-User"] = user },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return await Axe.SeriousViolationsAsync(page);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }
}
