using System.Net;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using static ReviewWorkflow.Web.Tests.ClerkPages.ClerkForms;

namespace ReviewWorkflow.Web.Tests.ClerkPages;

/// <summary>/clerk and /clerk/decisions/{id} over HTTP on the whole app, before any meeting has been held (the clock is
/// never moved here): who may use them, antiforgery, the workflow's refusals shown in the error summary with nothing
/// changed, and what the clerk typed kept and encoded.</summary>
public sealed class ClerkPageTests(DevelopmentHost fixture) : IClassFixture<DevelopmentHost>
{
    private WebTestHost Host => fixture.Host;

    [Fact]
    public async Task The_clerk_sees_the_decision_due_with_its_meeting_and_publication_deadline()
    {
        var cycle = await ClerkCycle.ToPanelAsync(Host, "Local Offer for Care Leavers (list)");
        using var clerk = SignedIn(Host, Clerk);

        var html = await clerk.GetStringAsync("/clerk");

        var row = html[html.IndexOf($"data-cycle=\"{cycle.Id}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains(ClerkCycle.Panel, row);
        Assert.Contains(Workflow.Deadlines.DateText.Format(cycle.PanelMeets), row);
        var publishBy = Workflow.Deadlines.ClearDays.LatestPublicationDate(cycle.PanelMeets, Host.Cycles.Settings);
        Assert.Contains(Workflow.Deadlines.DateText.Format(publishBy), row);
        Assert.Contains($"href=\"/clerk/decisions/{cycle.Id}\"", row);
    }

    [Fact]
    public async Task A_lead_cannot_see_the_clerk_page_or_post_a_decision()
    {
        var cycle = await ClerkCycle.ToPanelAsync(Host);
        var before = await AuditRowsAsync(cycle.Id);
        using var lead = SignedIn(Host, Lead);

        using var page = await lead.GetAsync("/clerk");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);

        // A valid antiforgery token for the lead (from a page the lead may open): refused for the role, not the token.
        var token = Forms.AntiforgeryToken(await lead.GetStringAsync("/dev/sign-in"));
        using var post = await PostAsync(lead, $"/clerk/decisions/{cycle.Id}", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["IdempotencyKey"] = Guid.NewGuid().ToString("N"),
            ["Body"] = ClerkCycle.Panel,
            ["MeetingDate.Day"] = cycle.PanelMeets.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MeetingDate.Month"] = cycle.PanelMeets.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MeetingDate.Year"] = cycle.PanelMeets.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MinuteReference"] = "CPP/1",
            ["Outcome"] = "endorse",
            ["Resolution"] = "Endorsed.",
        });

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await AssertUnchangedAsync(cycle, before);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_gets_400_and_changes_nothing()
    {
        var cycle = await ClerkCycle.ToPanelAsync(Host);
        var before = await AuditRowsAsync(cycle.Id);
        using var clerk = SignedIn(Host, Clerk);
        var fields = await DecisionFormAsync(clerk, cycle.Id, ClerkCycle.Panel, cycle.PanelMeets, "endorse");
        fields.Remove("__RequestVerificationToken");

        using var response = await PostAsync(clerk, $"/clerk/decisions/{cycle.Id}", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Your form could not be sent", await response.Content.ReadAsStringAsync());
        await AssertUnchangedAsync(cycle, before);
    }

    [Fact]
    public async Task A_meeting_not_yet_held_is_refused_in_the_error_summary_keeping_what_was_typed_and_changing_nothing()
    {
        var cycle = await ClerkCycle.ToPanelAsync(Host);
        var before = await AuditRowsAsync(cycle.Id);
        using var clerk = SignedIn(Host, Clerk);
        var fields = await DecisionFormAsync(clerk, cycle.Id, ClerkCycle.Panel, cycle.PanelMeets, "endorse");
        fields["MinuteReference"] = "CPP/2026/99";

        using var response = await PostAsync(clerk, $"/clerk/decisions/{cycle.Id}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var link = Assert.Single(ErrorLinks(html));
        Assert.Equal("meetingDate", link.Target);
        Assert.Contains("has not happened yet", link.Message, StringComparison.Ordinal);
        Assert.Contains("<title>Error: Record a decision", html);
        Assert.Contains("id=\"meetingDate\" name=\"MeetingDate.Day\"", html); // the summary's link target exists
        Assert.Contains("value=\"CPP/2026/99\"", html);
        Assert.Contains("value=\"endorse\" aria-describedby=\"outcome-item-hint\" checked=\"checked\"", html);
        await AssertUnchangedAsync(cycle, before);
    }

    [Fact]
    public async Task A_decision_for_the_wrong_body_is_refused_in_the_error_summary_and_changes_nothing()
    {
        var cycle = await ClerkCycle.ToPanelAsync(Host);
        var before = await AuditRowsAsync(cycle.Id);
        using var clerk = SignedIn(Host, Clerk);

        // A stale or altered form: the body field says Cabinet while the report is with the Panel.
        var fields = await DecisionFormAsync(clerk, cycle.Id, ClerkCycle.Cabinet, cycle.CabinetMeets, "adopt");
        using var response = await PostAsync(clerk, $"/clerk/decisions/{cycle.Id}", fields);

        var html = await response.Content.ReadAsStringAsync();
        var link = Assert.Single(ErrorLinks(html));
        Assert.Equal("body", link.Target);
        Assert.Contains($"The report is with {ClerkCycle.Panel}", link.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(cycle, before);
    }

    [Fact]
    public async Task Missing_outcome_and_date_are_listed_together_with_the_workflow_s_other_problems()
    {
        var cycle = await ClerkCycle.ToPanelAsync(Host);
        var before = await AuditRowsAsync(cycle.Id);
        using var clerk = SignedIn(Host, Clerk);
        var fields = await DecisionFormAsync(clerk, cycle.Id, ClerkCycle.Panel, cycle.PanelMeets, "");
        fields["MeetingDate.Day"] = "31";
        fields["MeetingDate.Month"] = "2";
        fields["MinuteReference"] = "";
        fields.Remove("Outcome");

        using var response = await PostAsync(clerk, $"/clerk/decisions/{cycle.Id}", fields);

        var targets = ErrorLinks(await response.Content.ReadAsStringAsync()).Select(l => l.Target).Order().ToList();
        Assert.Equal(["meetingDate", "minuteReference", "outcome"], targets);
        await AssertUnchangedAsync(cycle, before);
    }

    [Fact]
    public async Task Script_in_the_resolution_text_comes_back_encoded()
    {
        var cycle = await ClerkCycle.ToPanelAsync(Host);
        using var clerk = SignedIn(Host, Clerk);
        var fields = await DecisionFormAsync(clerk, cycle.Id, ClerkCycle.Panel, cycle.PanelMeets, "refer-back", "<script>alert('x')</script> endorsed");
        fields["Comments"] = "\"><img src=x onerror=alert(1)>";

        using var response = await PostAsync(clerk, $"/clerk/decisions/{cycle.Id}", fields);

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; endorsed", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_cycle_is_404()
    {
        using var clerk = SignedIn(Host, Clerk);
        using var response = await clerk.GetAsync("/clerk/decisions/no-such-cycle");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_next_meeting_date_today_or_earlier_is_refused_in_the_error_summary()
    {
        var cycle = await ClerkCycle.ToPanelAsync(Host);
        var before = await AuditRowsAsync(cycle.Id);
        using var clerk = SignedIn(Host, Clerk);
        var html = await clerk.GetStringAsync($"/clerk/decisions/{cycle.Id}");
        var today = Workflow.Council.CouncilClock.Today(Host.Clock, Host.Cycles.Settings);

        using var response = await PostAsync(clerk, $"/clerk/decisions/{cycle.Id}?handler=MeetingDate", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html),
            ["MeetingKey"] = Hidden(html, "MeetingKey"),
            ["NextMeetingDate.Day"] = today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NextMeetingDate.Month"] = today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NextMeetingDate.Year"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var link = Assert.Single(ErrorLinks(await response.Content.ReadAsStringAsync()));
        Assert.Equal("nextMeetingDate", link.Target);
        Assert.Contains("after today", link.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(cycle, before);
    }

    private async Task<int> AuditRowsAsync(string cycleId) =>
        (await Host.Services.GetRequiredService<AuditLog>().ReadAllAsync(cycleId)).Count;

    private async Task AssertUnchangedAsync(ClerkCycle cycle, int auditRows)
    {
        // The façade appends the audit row before it tells the orchestration: no new row, nothing was raised.
        var view = await Host.Cycles.GetCycleAsync(cycle.Id);
        Assert.NotNull(view);
        Assert.Equal(CycleStage.Ratification, view.Stage);
        Assert.Equal(ClerkCycle.Panel, view.CurrentBody);
        Assert.Empty(view.Decisions);
        Assert.Equal(cycle.PanelMeets, view.Route[0].MeetingDate);
        Assert.Equal(auditRows, await AuditRowsAsync(cycle.Id));
    }
}
