using Microsoft.Playwright;

namespace ReviewWorkflow.Web.Tests.Journeys;

/// <summary>
/// A whole review cycle from start to adoption in Debian's chromium, with JavaScript off, each person in their own
/// browser as a real council would have it: the strategy lead starts the cycle and follows it, a young person answers
/// the plain-language form from the emailed link and sends it, a foster carer saves and does not send, the lead
/// reminds, closes early, submits the draft and reads the committee report, the clerk moves the development clock to
/// each meeting day and records the Panel's endorsement and Cabinet's adoption, and the lead sees it adopted with the
/// audit trail intact. axe-core runs on every distinct page on the way: no serious or critical violations.
/// </summary>
public sealed class WholeCycleBrowserTests(JourneyBrowserFixture fixture) : IClassFixture<JourneyBrowserFixture>
{
    private const string Title = "Care Leavers Pledge (whole cycle) 2026-2029";
    private const string Lead = "lead@council.example";
    private const string Clerk = "clerk@council.example";
    private const string Panel = "Corporate Parenting Panel";
    private const string Cabinet = "Cabinet";

    [Fact]
    public async Task A_cycle_runs_from_start_to_adoption_in_the_browser_alone()
    {
        // The lead signs in and starts the cycle: two groups (young people and foster carers), two bodies.
        var lead = await fixture.PersonAsync();
        await SignInAsync(lead, Lead);
        await AccessibleAsync("/dev/sign-in", null);
        await AccessibleAsync("/", Lead);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Start a review", Exact = true }).First.ClickAsync();
        await AccessibleAsync("/cycles/new", Lead);
        await lead.GetByLabel("Title", new() { Exact = true }).FillAsync(Title);
        await lead.GetByLabel("A pledge document (promises)").CheckAsync();
        await lead.GetByLabel("Period starts").FillAsync("2026-06-01");
        await lead.GetByLabel("Period ends").FillAsync("2029-05-31");
        await lead.GetByLabel("Pledges or priorities").FillAsync("Care leavers have a safe, stable home\nCare leavers have help into work");
        await lead.GetByLabel("Consultation opens").FillAsync("2026-03-02");
        await lead.GetByLabel("Consultation closes").FillAsync("2026-03-16");
        await lead.GetByLabel("Group 1 name").FillAsync("Voices Matter (Children in Care Council)");
        await lead.GetByLabel("Who group 1 is").SelectOptionAsync("young-people");
        await lead.GetByLabel("Group 1 members").FillAsync("Riley <riley@young.example>\nCasey <casey@young.example>");
        await lead.GetByLabel("Group 2 name").FillAsync("Foster carers");
        await lead.GetByLabel("Who group 2 is").SelectOptionAsync("carers");
        await lead.GetByLabel("Group 2 members").FillAsync("Pat Carer <pat@carers.example>");
        await lead.GetByLabel("Drafting deadline").FillAsync("2026-03-20");
        await lead.GetByLabel("Committee 1 name").FillAsync(Panel);
        await lead.GetByLabel("Committee 1 meeting date").FillAsync("2026-04-01");
        await lead.GetByLabel("Committee 2 name").FillAsync(Cabinet);
        await lead.GetByLabel("Committee 2 meeting date").FillAsync("2026-04-15");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Start the review" }).ClickAsync();
        await AssertBannerAsync(lead, "The review has started");
        var cyclePath = new Uri(lead.Url).AbsolutePath;
        await AccessibleAsync(cyclePath, Lead);

        // The consultation requests reach the (local) outbox; the young person's email carries their link.
        await lead.GetByRole(AriaRole.Link, new() { Name = "Outbox" }).ClickAsync();
        var rileyLink = await LinkToAsync(lead, "riley@young.example");
        var patLink = await LinkToAsync(lead, "pat@carers.example");
        await AccessibleAsync("/outbox", Lead);

        // Riley answers in plain language and sends.
        var riley = await fixture.PersonAsync();
        await riley.GotoAsync(rileyLink);
        Assert.Equal("Have your say", (await riley.Locator("h1").InnerTextAsync()).Trim());
        await AccessibleAsync(rileyLink, null);
        await riley.GetByLabel("Yes, I agree").First.CheckAsync();
        await riley.GetByLabel("Tell us more (you do not have to) (promise 1)").FillAsync("A home near my friends and my school.");
        await riley.GetByLabel("I agree with some of it").Nth(1).CheckAsync();
        await riley.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        Assert.Equal("Check your answers", (await riley.Locator("h1").InnerTextAsync()).Trim());
        await AccessibleAsync(new Uri(riley.Url).PathAndQuery, null);
        await riley.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        Assert.Equal("Thank you. We got your answers", (await riley.Locator("h1").InnerTextAsync()).Trim());
        await AccessibleAsync(new Uri(riley.Url).PathAndQuery, null);

        // Pat, a foster carer, gets the standard form, saves and does not send.
        var pat = await fixture.PersonAsync();
        await pat.GotoAsync(patLink);
        await pat.GetByLabel("Partly agree").First.CheckAsync();
        await pat.GetByLabel("Comments (optional) (pledge 1)").FillAsync("Placements near school matter to carers too.");
        await pat.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
        Assert.Contains("Your answers have been saved", await pat.Locator("#saved").InnerTextAsync(), StringComparison.Ordinal);
        await AccessibleAsync(patLink, null);

        // The lead reminds those who have not sent, closes the consultation early and submits the draft.
        await lead.GotoAsync(cyclePath);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Send a reminder now" }).ClickAsync();
        await AssertBannerAsync(lead, "Reminders are on their way");
        await lead.GotoAsync("/outbox");
        var toPat = lead.Locator("[data-outbox-id]", new() { HasText = "pat@carers.example" });
        await ReloadUntilAsync(lead, async () => await toPat.CountAsync() == 2, "the reminder to Pat, who saved but did not send");
        Assert.Equal(1, await lead.Locator("[data-outbox-id]", new() { HasText = "riley@young.example" }).CountAsync());
        await lead.GotoAsync(cyclePath);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Close the consultation now" }).ClickAsync();
        await AssertBannerAsync(lead, "has been closed");
        await WaitForStageAsync(lead, "Drafting");
        await lead.GetByLabel("Version").FillAsync("1.0");
        await lead.GetByLabel("Link to the draft document").FillAsync("https://docs.council.example/care-leavers-pledge-1.0.docx");
        await lead.GetByLabel("Theme or pledge 1").FillAsync("Pledge 1: a safe, stable home");
        await lead.GetByLabel("You said (theme 1)").FillAsync("A home near friends and school.");
        await lead.GetByLabel("We did (theme 1)").FillAsync("Placements within five miles of school wherever we can.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Submit the draft" }).ClickAsync();
        await AssertBannerAsync(lead, "Your draft has been submitted");
        await WaitForStageAsync(lead, "Ratification");
        await AccessibleAsync(cyclePath, Lead);

        // The committee report as a web page: one of three consulted responded (a saved answer is not a response).
        await lead.GetByRole(AriaRole.Link, new() { Name = "Read the committee report" }).ClickAsync();
        var report = await lead.Locator("body").InnerTextAsync();
        Assert.Contains("1 of 3 responded: a response rate of 33%", report, StringComparison.Ordinal);
        Assert.Contains("Placements within five miles of school", report, StringComparison.Ordinal);
        await AccessibleAsync(cyclePath + "/report", Lead);

        // The clerk: the report is due at the Panel; move the clock to the meeting day and record the endorsement.
        var clerk = await fixture.PersonAsync();
        await SignInAsync(clerk, Clerk);
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Clerk", Exact = true }).ClickAsync();
        var id = cyclePath["/cycles/".Length..];
        Assert.Contains(Panel, await clerk.Locator($"tr[data-cycle='{id}']").InnerTextAsync(), StringComparison.Ordinal);
        await AccessibleAsync("/clerk", Clerk);
        await MoveClockToNextMeetingAsync(clerk, "Wednesday 1 April 2026");
        await RecordDecisionAsync(clerk, id, Panel, "CPP/14", "Endorse", "RESOLVED: that the Panel endorses the pledge and recommends it to Cabinet.");

        // Cabinet's meeting: the clock again, then adoption.
        await MoveClockToNextMeetingAsync(clerk, "Wednesday 15 April 2026");
        await RecordDecisionAsync(clerk, id, Cabinet, "CAB/31", "Adopt", "RESOLVED: that Cabinet adopts the Care Leavers Pledge.");

        // The lead sees it adopted on the dashboard, and the audit chain intact on the cycle page.
        await lead.GotoAsync("/");
        await ReloadUntilAsync(lead, async () => (await lead.Locator("#cycles tr", new() { HasText = Title }).InnerTextAsync()).Contains("Adopted", StringComparison.Ordinal), "the dashboard to show the cycle adopted");
        await AccessibleAsync("/", Lead);
        await lead.GotoAsync(cyclePath);
        Assert.Equal("Adopted", (await lead.Locator("#stage").InnerTextAsync()).Trim());
        Assert.Contains("Intact", await lead.Locator("#audit-chain").InnerTextAsync(), StringComparison.Ordinal);
        await AccessibleAsync(cyclePath, Lead);

        foreach (var person in new[] { lead, riley, pat, clerk })
        {
            await person.Context.CloseAsync();
        }
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/dev/sign-in");
        await page.Locator($"button[value='{email}']").ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/");
    }

    /// <summary>The path of the /respond link in the newest outbox message to <paramref name="email"/> (the outbox
    /// links point at the configured public address; the path is what the test host serves).</summary>
    private static async Task<string> LinkToAsync(IPage outbox, string email)
    {
        var link = outbox.Locator("[data-outbox-id]", new() { HasText = email }).Locator("a[href*='/respond/']").First;
        await ReloadUntilAsync(outbox, async () => await link.CountAsync() > 0, $"the consultation email to {email}");
        return new Uri(await link.GetAttributeAsync("href") ?? "").PathAndQuery;
    }

    private async Task MoveClockToNextMeetingAsync(IPage clerk, string day)
    {
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Move the clock (development only)" }).ClickAsync();
        var next = clerk.Locator("#next-meeting-day");
        await ReloadUntilAsync(clerk, async () => await next.CountAsync() > 0 && (await next.InnerTextAsync()).Contains(day, StringComparison.Ordinal), $"the next meeting day to be {day}");
        await AccessibleAsync("/dev/clock", Clerk);
        await next.ClickAsync();
        Assert.Contains($"Today is now {day}", await clerk.Locator("#banner-message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(day, (await clerk.Locator("#today").InnerTextAsync()).Trim());
    }

    private async Task RecordDecisionAsync(IPage clerk, string id, string body, string minute, string outcome, string resolution)
    {
        await clerk.GotoAsync("/clerk");
        var row = clerk.Locator($"tr[data-cycle='{id}']");
        await ReloadUntilAsync(clerk, async () => await row.CountAsync() > 0 && (await row.InnerTextAsync()).Contains("Meeting held", StringComparison.Ordinal), $"{body}'s meeting to show as held");
        Assert.Contains(body, await row.InnerTextAsync(), StringComparison.Ordinal);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal(body, await clerk.Locator("#body").InputValueAsync());
        await AccessibleAsync($"/clerk/decisions/{id}", Clerk);
        await clerk.GetByLabel("Minute reference", new() { Exact = true }).FillAsync(minute);
        await clerk.GetByLabel(outcome, new() { Exact = true }).CheckAsync();
        await clerk.GetByLabel("Resolution", new() { Exact = true }).FillAsync(resolution);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await clerk.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/clerk");
        Assert.Contains(outcome.ToLowerInvariant(), await clerk.Locator("#banner-message").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>The running cycle applies commands in the background: reload until its stage tag says <paramref name="stage"/>.</summary>
    private static Task WaitForStageAsync(IPage page, string stage) =>
        ReloadUntilAsync(page, async () => (await page.Locator("#stage").InnerTextAsync()).Trim() == stage, $"the stage {stage}");

    private static async Task ReloadUntilAsync(IPage page, Func<Task<bool>> done, string what)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await done())
            {
                return;
            }

            await page.WaitForTimeoutAsync(300);
            await page.ReloadAsync();
        }

        Assert.Fail($"Waited for {what} on {page.Url}; the page shows:\n{await page.Locator("main").InnerTextAsync()}");
    }

    private static async Task AssertBannerAsync(IPage page, string text) =>
        Assert.Contains(text, await page.Locator(".govuk-notification-banner--success").InnerTextAsync(), StringComparison.Ordinal);

    private async Task AccessibleAsync(string path, string? user)
    {
        var violations = await fixture.SeriousViolationsAsync(path, user);
        Assert.True(violations.Count == 0, $"axe on {path}:\n" + string.Join("\n", violations));
    }
}
