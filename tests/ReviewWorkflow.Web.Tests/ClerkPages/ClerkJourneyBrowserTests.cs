using Microsoft.Playwright;
using ReviewWorkflow.Web.Tests.Browser;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Tests.ClerkPages;

/// <summary>The clerk's journey in Debian's chromium without JavaScript: sign in, see the report due at the Panel,
/// record the Panel's endorsement on the meeting day, then Cabinet's adoption; the cycle ends adopted. axe-core (in a
/// second, JavaScript-enabled page signed in as the same clerk) on every page and state the journey shows.</summary>
public sealed class ClerkJourneyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_clerk_records_the_panel_s_endorsement_then_cabinet_s_adoption_and_the_cycle_is_adopted()
    {
        var host = browser.Host;
        var cycle = await ClerkCycle.ToPanelAsync(host, "Children in Care Pledge (journey)");
        var page = await SignedInPageAsync(javaScript: false);
        var axe = await SignedInPageAsync(javaScript: true);

        await page.GotoAsync("/clerk");
        var row = page.Locator($"tr[data-cycle='{cycle.Id}']");
        Assert.Contains(ClerkCycle.Panel, await row.InnerTextAsync());
        await AssertAccessibleAsync(axe, "/clerk");

        // The Panel meets: record its endorsement.
        host.Clock.JumpTo(ClerkCycle.Midday(cycle.PanelMeets));
        await page.ReloadAsync();
        Assert.Contains("Meeting held", await row.InnerTextAsync());
        await row.GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal(ClerkCycle.Panel, await page.Locator("#body").InputValueAsync());
        await AssertAccessibleAsync(axe, $"/clerk/decisions/{cycle.Id}");
        await RecordAsync(page, "CPP/14", "Endorse", "RESOLVED: that the Panel endorses the pledge and recommends it to Cabinet.");
        Assert.Equal("Decision recorded for Children in Care Pledge (journey): endorse.", (await page.Locator("#banner-message").InnerTextAsync()).Trim());
        await AssertAccessibleAsync(axe, new Uri(page.Url).PathAndQuery);

        // Cabinet meets: its page now asks for Cabinet's decision; an empty form shows the error summary; then adopt.
        await cycle.WaitForAsync(host, v => v.CurrentBody == ClerkCycle.Cabinet, "the report with Cabinet");
        host.Clock.JumpTo(ClerkCycle.Midday(cycle.CabinetMeets));
        await page.GotoAsync("/clerk");
        await page.Locator($"tr[data-cycle='{cycle.Id}']").GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal(ClerkCycle.Cabinet, await page.Locator("#body").InputValueAsync());
        await AssertAccessibleAsync(axe, $"/clerk/decisions/{cycle.Id}", async p =>
        {
            await p.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
            await p.Locator(".govuk-error-summary").WaitForAsync();
        });
        await RecordAsync(page, "CAB/31", "Adopt", "RESOLVED: that Cabinet adopts the Children in Care Pledge.");
        Assert.Contains("adopt", await page.Locator("#banner-message").InnerTextAsync());

        var adopted = await cycle.WaitForAsync(host, v => v.Stage == CycleStage.Adopted, "adoption");
        Assert.Equal(cycle.CabinetMeets, adopted.AdoptedOn);
        await page.GotoAsync($"/clerk/decisions/{cycle.Id}");
        Assert.Contains("it is in adopted", await page.Locator("#not-awaiting").InnerTextAsync());
        await page.GotoAsync("/clerk");
        Assert.Equal(0, await page.Locator($"tr[data-cycle='{cycle.Id}']").CountAsync());
        await AssertAccessibleAsync(axe, $"/clerk/decisions/{cycle.Id}");

        await page.Context.CloseAsync();
        await axe.Context.CloseAsync();
    }

    private static async Task RecordAsync(IPage page, string minute, string outcome, string resolution)
    {
        await page.GetByLabel("Agenda item (optional)", new() { Exact = true }).FillAsync("5");
        await page.GetByLabel("Minute reference", new() { Exact = true }).FillAsync(minute);
        await page.GetByLabel(outcome, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Resolution", new() { Exact = true }).FillAsync(resolution);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/clerk");
    }

    private async Task<IPage> SignedInPageAsync(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/dev/sign-in");
        await page.Locator("button[value='clerk@council.example']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        return page;
    }

    private async Task AssertAccessibleAsync(IPage axe, string path, Func<IPage, Task>? prepare = null)
    {
        await axe.GotoAsync(path);
        if (prepare is not null)
        {
            await prepare(axe);
        }

        var violations = await Axe.SeriousViolationsAsync(axe);
        Assert.True(violations.Count == 0, $"axe on {path}:\n" + string.Join("\n", violations));
    }
}
