using Microsoft.Playwright;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Browser;

/// <summary>
/// Debian's chromium (./test.sh installs it) driven by Playwright through ExecutablePath: no browser download, never
/// <c>playwright install</c>. One browser and one Development host per test class.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public WebTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh (it installs Debian's chromium) or 'apt-get install -y chromium'.");
        }

        Host = await WebTestHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh context (no cookies). JavaScript off unless asked for (every page must work without it); with
    /// JavaScript on, the page's CSP is bypassed so axe-core can be injected.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = false, int width = 1024)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(),
            JavaScriptEnabled = javaScript,

            // Only so axe-core can be injected as a script tag: the service's CSP (rightly) refuses inline script.
            BypassCSP = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
