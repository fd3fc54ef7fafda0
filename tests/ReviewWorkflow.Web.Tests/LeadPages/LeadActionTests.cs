using System.Net;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Web.Tests.LeadPages;

/// <summary>The cycle page's reminder and sign-off forms over HTTP.</summary>
public sealed class LeadActionTests(LeadHost fixture) : IClassFixture<LeadHost>
{
    private WebTestHost Host => fixture.Host;

    [Fact]
    public async Task Send_a_reminder_now_is_audited_once_per_form_and_redirects_with_a_banner()
    {
        var id = await LeadCycle.StartAsync(Host, "Remind Offer 2027-2030");
        await LeadCycle.WaitForAsync(Host, id, v => v.Counts.RequestsSent == 3);
        using var lead = LeadCycle.SignedIn(Host, "lead@council.example");
        var fields = new Dictionary<string, string> { ["Key"] = Guid.NewGuid().ToString("N") };

        using var first = await LeadCycle.PostFormAsync(lead, $"/cycles/{id}", $"/cycles/{id}?handler=Remind", fields);
        using var again = await LeadCycle.PostFormAsync(lead, $"/cycles/{id}", $"/cycles/{id}?handler=Remind", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/cycles/{id}?done=reminded", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var trail = await Host.Services.GetRequiredService<AuditLog>().ReadAllAsync(id);
        var requested = Assert.Single(trail, e => e.Action == AuditActions.RemindersRequested);
        Assert.Equal(("lead@council.example", AuditRole.Lead), (requested.Actor, requested.Role));
        Assert.Contains("Reminders are on their way", await lead.GetStringAsync(first.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task The_sign_off_form_needs_a_choice_and_signing_off_sends_the_draft_to_the_first_committee()
    {
        var today = DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime);
        var definition = LeadCycle.Definition(today, "Sign-off Offer 2027-2030") with { DirectorSignOff = new Person { Name = "Morgan Lee", Email = "admin@council.example" } };
        var start = await Host.Cycles.StartCycleAsync(definition, LeadCycle.Lead, "req-start", Guid.NewGuid().ToString("N"));
        var id = start.CycleId!;
        await LeadCycle.WaitForAsync(Host, id, v => v.Counts.RequestsSent == 3);
        Assert.True((await Host.Cycles.CloseConsultationAsync(id, LeadCycle.Lead, "req-close", Guid.NewGuid().ToString("N"))).Succeeded);
        await LeadCycle.WaitForAsync(Host, id, v => v.Stage == CycleStage.Drafting);
        var draft = new DraftSubmission
        {
            Version = "1.0",
            DocumentUrl = "https://docs.council.example/offer-1.0.docx",
            YouSaidWeDid = [new YouSaidWeDid { Theme = "Homes", YouSaid = "Help with the first tenancy.", WeDid = "A named housing officer." }],
        };
        Assert.True((await Host.Cycles.SubmitDraftAsync(id, draft, LeadCycle.Lead, "req-draft", Guid.NewGuid().ToString("N"))).Succeeded);
        await LeadCycle.WaitForAsync(Host, id, v => v.AwaitingSignOff);
        using var director = LeadCycle.SignedIn(Host, "admin@council.example");

        using var noChoice = await LeadCycle.PostFormAsync(director, $"/cycles/{id}", $"/cycles/{id}?handler=SignOff",
            new Dictionary<string, string> { ["Key"] = Guid.NewGuid().ToString("N"), ["SignOff.Comments"] = "Looks right" });
        var refused = await noChoice.Content.ReadAsStringAsync();
        using var yes = await LeadCycle.PostFormAsync(director, $"/cycles/{id}", $"/cycles/{id}?handler=SignOff",
            new Dictionary<string, string> { ["Key"] = Guid.NewGuid().ToString("N"), ["SignOff.Approved"] = "yes" });

        Assert.Contains("<a href=\"#SignOff_Approved\">Choose whether you sign the draft off.</a>", refused);
        Assert.Contains("Looks right</textarea>", refused);
        Assert.Equal(HttpStatusCode.Redirect, yes.StatusCode);
        var view = await LeadCycle.WaitForAsync(Host, id, v => v.Stage == CycleStage.Ratification);
        Assert.Equal("Corporate Parenting Panel", view.CurrentBody);
    }
}
