using System.Text.RegularExpressions;
using ReviewWorkflow.Web.Tests.ClerkPages;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Web.Tests.LeadPages;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Web.Tests.Security;

/// <summary>Walks every page a lead, a clerk, an administrator and a consultee can open — on cycles in consultation, in
/// drafting and with a committee — and checks that each POST form on it carries the antiforgery token (a form without
/// one always answers "Your form could not be sent").</summary>
public sealed partial class EveryFormCarriesATokenTests(DevelopmentHost fixture) : IClassFixture<DevelopmentHost>
{
    private WebTestHost Host => fixture.Host;

    [Fact]
    public async Task Every_post_form_on_every_page_for_every_role_and_stage_carries_the_antiforgery_token()
    {
        var consulting = await LeadCycle.StartAsync(Host, "Local Offer (forms, consultation)");
        var drafting = await LeadCycle.StartAsync(Host, "Local Offer (forms, drafting)");
        await LeadCycle.WaitForAsync(Host, drafting, v => v.CommandTarget != v.CycleId);
        Assert.True((await Host.Cycles.CloseConsultationAsync(drafting, LeadCycle.Lead, "req-close", "close-" + drafting)).Succeeded);
        await LeadCycle.WaitForAsync(Host, drafting, v => v.Stage == CycleStage.Drafting);
        var ratification = await ClerkCycle.ToPanelAsync(Host, "Local Offer (forms, ratification)");
        string[] cycles = [consulting, drafting, ratification.Id];

        var pages = new List<(string Who, string Path)>();
        foreach (var who in new[] { "lead@council.example", "clerk@council.example", "admin@council.example" })
        {
            pages.AddRange(new[] { "/", "/dev/sign-in", "/dev/clock", "/outbox", "/clerk", "/cycles/new" }.Select(p => (who, p)));
            pages.AddRange(cycles.SelectMany(id => new[] { $"/cycles/{id}", $"/clerk/decisions/{id}" }).Select(p => (who, p)));
        }

        var links = Host.Services.GetRequiredService<IConsulteeLinkIssuer>();
        var link = await links.IssueAsync(consulting, ConsulteeId.For("pat@carers.example"), Host.Clock.GetUtcNow().AddDays(30));
        pages.Add(("consultee", $"/respond/{link.Token}"));
        pages.Add(("consultee", $"/respond/{link.Token}/check"));

        var checkedForms = 0;
        var missing = new List<string>();
        foreach (var (who, path) in pages)
        {
            using var client = who == "consultee" ? Host.NewClient(new System.Net.CookieContainer()) : ClerkForms.SignedIn(Host, who);
            using var response = await client.GetAsync(path);
            if (!response.IsSuccessStatusCode)
            {
                continue; // not this role's page (403) or not in this stage
            }

            var html = await response.Content.ReadAsStringAsync();
            foreach (Match form in PostForm().Matches(html))
            {
                checkedForms++;
                if (!form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                {
                    missing.Add($"{who} {path}: {form.Value[..Math.Min(160, form.Value.Length)]}");
                }
            }
        }

        Assert.True(checkedForms >= 20, $"Only {checkedForms} forms were found; the walk did not reach the pages.");
        Assert.True(missing.Count == 0, "Forms without an antiforgery token:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex("<form[^>]*method=\"post\".*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();
}
