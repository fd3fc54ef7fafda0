using System.Net;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using static ReviewWorkflow.Web.Tests.ClerkPages.ClerkForms;

namespace ReviewWorkflow.Web.Tests.ClerkPages;

/// <summary>A decision recorded over HTTP on the meeting day (its own host: the clock moves): Post/Redirect/Get with the
/// banner, the same form sent twice applied once, and a deferral then a new meeting date.</summary>
public sealed class ClerkDecisionRecordedTests
{
    [Fact]
    public async Task A_decision_redirects_to_the_banner_and_the_same_form_sent_twice_is_applied_once()
    {
        await using var host = await WebTestHost.StartAsync();
        var cycle = await ClerkCycle.ToPanelAsync(host, "Local Offer (recorded)");
        host.Clock.JumpTo(ClerkCycle.Midday(cycle.PanelMeets));
        using var clerk = SignedIn(host, Clerk);
        var fields = await DecisionFormAsync(clerk, cycle.Id, ClerkCycle.Panel, cycle.PanelMeets, "endorse");

        using var first = await PostAsync(clerk, $"/clerk/decisions/{cycle.Id}", fields);
        using var second = await PostAsync(clerk, $"/clerk/decisions/{cycle.Id}", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/clerk?recorded={cycle.Id}&outcome=endorse", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var banner = await clerk.GetStringAsync(first.Headers.Location);
        Assert.Contains("Decision recorded for Local Offer (recorded): endorse.", banner);

        var view = await cycle.WaitForAsync(host, v => v.CurrentBody == ClerkCycle.Cabinet, "the report with Cabinet");
        var decision = Assert.Single(view.Decisions);
        Assert.Equal(DecisionOutcome.Endorse, decision.Outcome);
        var recorded = (await host.Services.GetRequiredService<AuditLog>().ReadAllAsync(cycle.Id)).Where(e => e.Action == AuditActions.DecisionRecorded).ToList();
        var row = Assert.Single(recorded);
        Assert.Equal(Clerk, row.Actor);
        Assert.Equal(AuditRole.Clerk, row.Role);
    }

    [Fact]
    public async Task A_deferral_moves_the_meeting_and_the_clerk_can_then_set_the_next_date()
    {
        await using var host = await WebTestHost.StartAsync();
        var cycle = await ClerkCycle.ToPanelAsync(host, "Local Offer (deferred)");
        host.Clock.JumpTo(ClerkCycle.Midday(cycle.PanelMeets));
        using var clerk = SignedIn(host, Clerk);
        var deferredTo = cycle.PanelMeets.AddDays(7);
        var fields = await DecisionFormAsync(clerk, cycle.Id, ClerkCycle.Panel, cycle.PanelMeets, "defer", "RESOLVED: to defer to the next meeting.");
        fields["NewMeetingDate.Day"] = deferredTo.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["NewMeetingDate.Month"] = deferredTo.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["NewMeetingDate.Year"] = deferredTo.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var deferred = await PostAsync(clerk, $"/clerk/decisions/{cycle.Id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, deferred.StatusCode);
        await cycle.WaitForAsync(host, v => v.Route[0].MeetingDate == deferredTo, "the deferral");

        // The meeting moves again: the clerk sets the Panel's next date.
        var moved = deferredTo.AddDays(3); // still before Cabinet (the route stays in order)
        var html = await clerk.GetStringAsync($"/clerk/decisions/{cycle.Id}");
        using var set = await PostAsync(clerk, $"/clerk/decisions/{cycle.Id}?handler=MeetingDate", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html),
            ["MeetingKey"] = Hidden(html, "MeetingKey"),
            ["NextMeetingDate.Day"] = moved.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NextMeetingDate.Month"] = moved.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NextMeetingDate.Year"] = moved.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("Meeting date set for Local Offer (deferred).", await clerk.GetStringAsync(set.Headers.Location));
        var view = await cycle.WaitForAsync(host, v => v.Route[0].MeetingDate == moved, "the new meeting date");
        Assert.Equal(CycleStage.Ratification, view.Stage);
        Assert.Equal(ClerkCycle.Panel, view.CurrentBody);
    }
}
