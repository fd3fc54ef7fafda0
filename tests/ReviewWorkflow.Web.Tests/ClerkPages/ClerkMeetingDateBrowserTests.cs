using Microsoft.Playwright;
using ReviewWorkflow.Web.Tests.Browser;

namespace ReviewWorkflow.Web.Tests.ClerkPages;

/// <summary>The clerk re-dates the Panel's meeting in Debian's chromium (no JavaScript): "Set the meeting date" is sent
/// with its antiforgery token, lands on /clerk with the banner, and the route carries the new date.</summary>
public sealed class ClerkMeetingDateBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_clerk_sets_the_panel_s_next_meeting_date_from_the_decision_page()
    {
        var host = browser.Host;
        var cycle = await ClerkCycle.ToPanelAsync(host, "Children in Care Pledge (re-dated)");
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/dev/sign-in");
        await page.Locator("button[value='clerk@council.example']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        var moved = cycle.PanelMeets.AddDays(7);
        await page.GotoAsync($"/clerk/decisions/{cycle.Id}");
        await page.Locator("#nextMeetingDate").FillAsync(moved.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#nextMeetingDate-month").FillAsync(moved.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#nextMeetingDate-year").FillAsync(moved.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the meeting date" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/clerk");
        Assert.DoesNotContain("Your form could not be sent", await page.ContentAsync());
        var view = await cycle.WaitForAsync(host, v => v.Route[0].MeetingDate == moved, "the Panel re-dated");
        Assert.Equal(ClerkCycle.Panel, view.CurrentBody);
        await page.Context.CloseAsync();
    }
}
