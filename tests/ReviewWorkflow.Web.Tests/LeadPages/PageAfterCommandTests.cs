using System.Net;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Tests.LeadPages;

/// <summary>Issue 17, point 7: the page a command redirects to already shows the command's effect (no "No draft yet"
/// flash after submitting a draft, no "Consultation" after closing it).</summary>
public sealed class PageAfterCommandTests(LeadHost fixture) : IClassFixture<LeadHost>
{
    private WebTestHost Host => fixture.Host;

    [Fact]
    public async Task The_page_after_closing_and_after_submitting_a_draft_shows_what_was_done()
    {
        var id = await LeadCycle.StartAsync(Host, "Fresh Page Offer 2027-2030");
        await LeadCycle.WaitForAsync(Host, id, v => v.Counts.RequestsSent == 3);
        using var lead = LeadCycle.SignedIn(Host, "lead@council.example");

        using var close = await LeadCycle.PostFormAsync(lead, $"/cycles/{id}", $"/cycles/{id}?handler=Close", new Dictionary<string, string> { ["Key"] = Guid.NewGuid().ToString("N") });
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var closed = await Host.Cycles.GetCycleAsync(id);
        Assert.Equal(CycleStage.Drafting, closed!.Stage);

        using var draft = await LeadCycle.PostFormAsync(lead, $"/cycles/{id}", $"/cycles/{id}?handler=Draft", new Dictionary<string, string>
        {
            ["Key"] = Guid.NewGuid().ToString("N"),
            ["Draft.Version"] = "1.0",
            ["Draft.DocumentUrl"] = "https://docs.council.example/fresh-1.0.docx",
            ["Draft.YouSaidWeDid[0].Theme"] = "Homes",
            ["Draft.YouSaidWeDid[0].YouSaid"] = "Help with the first tenancy.",
            ["Draft.YouSaidWeDid[0].WeDid"] = "A named housing officer.",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var page = await lead.GetStringAsync(draft.Headers.Location!.OriginalString);

        Assert.DoesNotContain("No draft yet", page);
        Assert.Contains("Draft 1.0", page);
    }
}
