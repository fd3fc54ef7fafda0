using Microsoft.Playwright;
using ReviewWorkflow.Web.Tests.Browser;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Tests.LeadPages;

/// <summary>
/// The strategy lead's journey in Chromium without JavaScript: sign in, start a review, find it on the dashboard, remind,
/// extend, close early, submit a draft with "you said, we did", see it reach ratification, download the report. axe-core
/// (in a JavaScript-enabled page signed in by header) checks every page on the way.
/// </summary>
public sealed class LeadJourneyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Title = "Care Leavers Local Offer (browser) 2027-2030";

    private async Task AssertAccessibleAsync(string path)
    {
        var page = await browser.NewPageAsync(javaScript: true);
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Dev-User"] = "lead@council.example" });
        await page.GotoAsync(path);
        var violations = await Axe.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe on {path}:\n" + string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    /// <summary>Reloads the cycle page until its stage tag says <paramref name="stage"/> (commands are applied by the running cycle).</summary>
    private static async Task WaitForStageAsync(IPage page, string stage)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await page.Locator("#stage").InnerTextAsync()).Trim() == stage)
            {
                return;
            }

            await page.WaitForTimeoutAsync(300);
            await page.ReloadAsync();
        }

        Assert.Fail($"The cycle page never showed the stage {stage}; it shows {(await page.Locator("#stage").InnerTextAsync()).Trim()}.");
    }

    private static async Task AssertBannerAsync(IPage page, string text)
    {
        var banner = page.Locator(".govuk-notification-banner--success");
        Assert.Contains(text, await banner.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_runs_a_cycle_from_start_to_ratification_and_downloads_the_report()
    {
        var today = DateOnly.FromDateTime(browser.Host.Clock.GetUtcNow().UtcDateTime);
        var page = await browser.NewPageAsync();

        // Sign in.
        await page.GotoAsync("/dev/sign-in");
        await page.Locator("button[value='lead@council.example']").ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/");
        await AssertAccessibleAsync("/");

        // Start a review: first with the consultation closing after the drafting deadline, then corrected.
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a review", Exact = true }).First.ClickAsync();
        await AssertAccessibleAsync("/cycles/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(Title);
        await page.GetByLabel("A pledge document (promises)").CheckAsync();
        await page.GetByLabel("Service that owns it (optional)").FillAsync("Children’s Social Care");
        await page.GetByLabel("Period starts").FillAsync(LeadCycle.Iso(today.AddMonths(6)));
        await page.GetByLabel("Period ends").FillAsync(LeadCycle.Iso(today.AddMonths(6).AddYears(3).AddDays(-1)));
        await page.GetByLabel("Pledges or priorities").FillAsync("Care leavers have a safe, stable home\nCare leavers have help into work");
        await page.GetByLabel("Consultation opens").FillAsync(LeadCycle.Iso(today));
        await page.GetByLabel("Consultation closes").FillAsync(LeadCycle.Iso(today.AddDays(30)));
        await page.GetByLabel("Group 1 name").FillAsync("Voices Matter (Children in Care Council)");
        await page.GetByLabel("Group 1 members").FillAsync("Riley <riley@young.example>\nCasey, casey@young.example");
        await page.GetByLabel("Group 2 name").FillAsync("Foster carers");
        await page.GetByLabel("Who group 2 is").SelectOptionAsync("carers");
        await page.GetByLabel("Group 2 members").FillAsync("Pat Carer <pat@carers.example>");
        await page.GetByLabel("Drafting deadline").FillAsync(LeadCycle.Iso(today.AddDays(28)));
        await page.GetByLabel("Committee 1 name").FillAsync("Corporate Parenting Panel");
        await page.GetByLabel("Committee 1 meeting date").FillAsync(LeadCycle.Iso(today.AddDays(70)));
        await page.GetByLabel("Committee 2 name").FillAsync("Cabinet");
        await page.GetByLabel("Committee 2 meeting date").FillAsync(LeadCycle.Iso(today.AddDays(91)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the review" }).ClickAsync();

        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        var error = page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link);
        Assert.Contains("drafting deadline", await error.InnerTextAsync(), StringComparison.Ordinal);
        await error.ClickAsync();
        Assert.Equal("Form_Closes", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal(Title, await page.GetByLabel("Title", new() { Exact = true }).InputValueAsync());
        Assert.Equal("carers", await page.GetByLabel("Who group 2 is").InputValueAsync());
        await page.GetByLabel("Consultation closes").FillAsync(LeadCycle.Iso(today.AddDays(14)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the review" }).ClickAsync();
        await AssertBannerAsync(page, "The review has started");
        var cyclePath = new Uri(page.Url).AbsolutePath;
        var id = cyclePath["/cycles/".Length..];

        // The dashboard lists it; open it from there.
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        var row = page.Locator("#cycles tr", new() { HasText = Title });
        Assert.Contains("Consultation", await row.InnerTextAsync(), StringComparison.Ordinal);
        await row.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        Assert.Equal(cyclePath, new Uri(page.Url).AbsolutePath);
        Assert.Equal(Title, (await page.Locator("h1").InnerTextAsync()).Trim());
        await AssertAccessibleAsync(cyclePath);

        // Remind, extend, close early.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a reminder now" }).ClickAsync();
        await AssertBannerAsync(page, "Reminders are on their way");
        await page.GetByLabel("New closing date").FillAsync(LeadCycle.Iso(today.AddDays(17)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Extend the consultation" }).ClickAsync();
        await AssertBannerAsync(page, "has been extended");
        await LeadCycle.WaitForAsync(browser.Host, id, v => v.ConsultationCloses == today.AddDays(17));
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the consultation now" }).ClickAsync();
        await AssertBannerAsync(page, "has been closed");
        await WaitForStageAsync(page, "Drafting");
        await AssertAccessibleAsync(cyclePath);

        // Submit a draft with one "you said, we did" row: no director, so it goes straight to the first committee.
        await page.GetByLabel("Version").FillAsync("1.0");
        await page.GetByLabel("Link to the draft document").FillAsync("https://docs.council.example/local-offer-1.0.docx");
        await page.GetByLabel("Theme or pledge 1").FillAsync("Pledge 1: a safe, stable home");
        await page.GetByLabel("You said (theme 1)").FillAsync("Help with the first tenancy.");
        await page.GetByLabel("We did (theme 1)").FillAsync("A setting-up-home grant and a named housing officer.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the draft" }).ClickAsync();
        await AssertBannerAsync(page, "Your draft has been submitted");
        await WaitForStageAsync(page, "Ratification");
        Assert.Contains("Corporate Parenting Panel", await page.Locator("p", new() { HasText = "the report is with" }).InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(cyclePath);
        Assert.Equal(CycleStage.Ratification, (await browser.Host.Cycles.GetCycleAsync(id))!.Stage);

        // The committee report: Word download and the web page.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the committee report" }).ClickAsync());
        Assert.EndsWith("-committee-report.docx", download.SuggestedFilename, StringComparison.Ordinal);
        var saved = Path.Combine(Path.GetTempPath(), "rw-web-screenshots", download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        Assert.True(new FileInfo(saved).Length > 1000);
        await page.GetByRole(AriaRole.Link, new() { Name = "Read the committee report" }).ClickAsync();
        Assert.Contains("you said", (await page.ContentAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("A setting-up-home grant", await page.ContentAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(cyclePath + "/report");
        await page.Context.CloseAsync();
    }
}
