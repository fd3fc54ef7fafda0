using System.Net;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Tests.LeadPages;

/// <summary>The dashboard, "Start a review" and the cycle page over HTTP on the whole app: roles, antiforgery, errors, encoding.</summary>
public sealed class LeadPageTests(LeadHost fixture) : IClassFixture<LeadHost>
{
    private WebTestHost Host => fixture.Host;

    private DateOnly Today => DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime);

    [Theory]
    [InlineData("/cycles/new")]
    [InlineData("/cycles/cycle-anything")]
    [InlineData("/cycles/cycle-anything/audit.csv")]
    [InlineData("/cycles/cycle-anything/report.docx")]
    [InlineData("/cycles/cycle-anything/report")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        using var response = await Host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dev/sign-in?returnUrl=" + Uri.EscapeDataString(path), response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_start_page_has_a_sign_in_link_and_no_cycles()
    {
        await LeadCycle.StartAsync(Host, "Hidden from strangers 2027-2030");

        var html = await Host.Client.GetStringAsync("/");

        Assert.Contains("href=\"/dev/sign-in\"", html);
        Assert.DoesNotContain("Hidden from strangers", html);
        Assert.DoesNotContain("Start a review", html);
    }

    [Fact]
    public async Task Dashboard_lists_each_cycle_with_stage_deadline_and_response_rate()
    {
        var id = await LeadCycle.StartAsync(Host, "Dashboard Offer 2027-2030");
        await LeadCycle.WaitForAsync(Host, id, v => v.Counts.RequestsSent == 3);

        using var lead = LeadCycle.SignedIn(Host, "lead@council.example");
        var html = await lead.GetStringAsync("/");

        Assert.Contains("<caption class=\"govuk-table__caption govuk-table__caption--m\">All review cycles", html);
        Assert.Contains($"<a class=\"govuk-link\" href=\"/cycles/{id}\">Dashboard Offer 2027-2030</a>", html);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--blue\">Consultation</strong>", html);
        Assert.Contains("0 of 3 (0%)", html);
        Assert.Contains("href=\"/cycles/new\"", html);
        Assert.Contains("You are signed in as <strong>Priya Shah</strong> (lead)", html);
    }

    [Fact]
    public async Task A_clerk_sees_the_cycle_without_emails_or_actions_and_cannot_post_lead_actions()
    {
        var id = await LeadCycle.StartAsync(Host, "Clerk view Offer 2027-2030");
        await LeadCycle.WaitForAsync(Host, id, v => v.Counts.RequestsSent == 3); // the consultation is running (its consultees listed)
        using var clerk = LeadCycle.SignedIn(Host, "clerk@council.example");

        var html = await clerk.GetStringAsync($"/cycles/{id}");
        using var startPage = await clerk.GetAsync("/cycles/new");
        using var close = await LeadCycle.PostFormAsync(clerk, $"/cycles/{id}", $"/cycles/{id}?handler=Close", new Dictionary<string, string> { ["Key"] = "clerk-close" });
        using var remind = await LeadCycle.PostFormAsync(clerk, $"/cycles/{id}", $"/cycles/{id}?handler=Remind", new Dictionary<string, string> { ["Key"] = "clerk-remind" });

        Assert.Contains("Riley", html);
        Assert.Contains("Foster carers", html);
        Assert.DoesNotContain("riley@young.example", html);
        Assert.DoesNotContain("?handler=Close", html);
        Assert.Equal(HttpStatusCode.Forbidden, startPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remind.StatusCode);
        Assert.Equal(CycleStage.Consultation, (await Host.Cycles.GetCycleAsync(id))!.Stage);
        var actions = (await Host.Services.GetRequiredService<AuditLog>().ReadAllAsync(id)).Select(e => e.Action).ToList();
        Assert.DoesNotContain(AuditActions.ConsultationClosed, actions);
        Assert.DoesNotContain(AuditActions.RemindersRequested, actions);
    }

    [Fact]
    public async Task A_lead_sees_consultee_emails_and_the_actions()
    {
        var id = await LeadCycle.StartAsync(Host, "Lead view Offer 2027-2030");
        await LeadCycle.WaitForAsync(Host, id, v => v.Counts.RequestsSent == 3); // the consultation is running (its consultees listed)
        using var lead = LeadCycle.SignedIn(Host, "lead@council.example");

        var html = await lead.GetStringAsync($"/cycles/{id}");

        Assert.Contains("riley@young.example", html);
        Assert.Contains("Not answered", html);
        Assert.Contains($"action=\"/cycles/{id}?handler=Remind\"", html);
        Assert.Contains($"action=\"/cycles/{id}?handler=Extend\"", html);
        Assert.Contains($"action=\"/cycles/{id}?handler=Close\"", html);
        Assert.Contains($"href=\"/cycles/{id}/audit.csv\"", html);
        Assert.Contains($"href=\"/cycles/{id}/report.docx\"", html);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--green\">Intact</strong>", html);
        Assert.Contains("CycleStarted", html);
        var forms = html.Split("<form").Skip(1).Select(f => f.Split("</form>")[0]).ToList();
        Assert.True(forms.Count >= 4, $"{forms.Count} forms");
        Assert.All(forms, f => Assert.Contains("name=\"__RequestVerificationToken\"", f));
        Assert.Contains("name=\"__RequestVerificationToken\"", (await lead.GetStringAsync("/cycles/new")).Split("<form")[1]);
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_is_refused_and_changes_nothing()
    {
        var id = await LeadCycle.StartAsync(Host, "Forgery Offer 2027-2030");
        using var lead = LeadCycle.SignedIn(Host, "lead@council.example");
        using var close = new FormUrlEncodedContent(new Dictionary<string, string> { ["Key"] = "forged-close" });
        using var start = new FormUrlEncodedContent(LeadCycle.Form(Today, "Forged start 2027-2030", "forged-start"));

        using var closed = await lead.PostAsync($"/cycles/{id}?handler=Close", close);
        using var started = await lead.PostAsync("/cycles/new", start);

        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, started.StatusCode);
        Assert.Contains("Your form could not be sent", await closed.Content.ReadAsStringAsync());
        Assert.Equal(CycleStage.Consultation, (await Host.Cycles.GetCycleAsync(id))!.Stage);
        Assert.Null(await Host.Cycles.GetCycleAsync(ReviewCycleService.DeriveId("forged-start")));
    }

    [Fact]
    public async Task Start_a_review_starts_the_cycle_and_a_double_submit_starts_one()
    {
        using var lead = LeadCycle.SignedIn(Host, "lead@council.example");
        var key = Guid.NewGuid().ToString("N");
        var fields = LeadCycle.Form(Today, "Started from the form 2027-2030", key);

        using var first = await LeadCycle.PostFormAsync(lead, "/cycles/new", "/cycles/new", fields);
        using var second = await LeadCycle.PostFormAsync(lead, "/cycles/new", "/cycles/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var id = LeadCycle.CycleIdFrom(first.Headers.Location);
        Assert.Equal(ReviewCycleService.DeriveId(key), id);
        var view = await Host.Cycles.GetCycleAsync(id);
        Assert.Equal("Started from the form 2027-2030", view!.Title);
        Assert.Equal(2, view.Route.Count);
        Assert.True(view.Route[1].KeyDecision);
        var consultees = await LeadCycle.WaitForAsync(Host, id, v => v.Counts.Consultees == 3);
        Assert.Single((await Host.Services.GetRequiredService<AuditLog>().ReadAllAsync(id)), e => e.Action == AuditActions.CycleStarted);
        var page = await lead.GetStringAsync(first.Headers.Location!.OriginalString);
        Assert.Contains("govuk-notification-banner--success", page);
        Assert.Contains("The review has started", page);
        Assert.Equal(3, consultees.Counts.Consultees);
    }

    [Fact]
    public async Task Errors_render_the_summary_linking_to_the_fields_and_keep_what_was_typed()
    {
        using var lead = LeadCycle.SignedIn(Host, "lead@council.example");
        var fields = LeadCycle.Form(Today, "", "errors-" + Guid.NewGuid().ToString("N"));
        fields["Form.Closes"] = "31/02/2026";
        fields["Form.Groups[1].Members"] = "Pat Carer <not-an-address>";
        fields["Form.Pledges"] = "Keep this pledge <b>typed</b>";

        using var response = await LeadCycle.PostFormAsync(lead, "/cycles/new", "/cycles/new", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Start a review - Review a strategy - Northbridge Council</title>", html);
        Assert.Contains("<a href=\"#Form_Title\">Enter the strategy&#x27;s title.</a>", html);
        Assert.Contains("<a href=\"#Form_Closes\">Enter the date the consultation closes as a real date, for example 2027-01-04.</a>", html);
        Assert.Contains("<a href=\"#Form_Groups_1__Members\">", html);
        Assert.Contains("id=\"Form_Closes-error\"", html);
        Assert.Contains("value=\"31/02/2026\"", html);
        Assert.Contains("Keep this pledge &lt;b&gt;typed&lt;/b&gt;</textarea>", html);
        Assert.Contains("Pat Carer &lt;not-an-address&gt;</textarea>", html);
        Assert.Contains("value=\"Voices Matter (Children in Care Council)\"", html);
        Assert.DoesNotContain("Enter the date the consultation closes.</a>", html);
    }

    [Fact]
    public async Task A_script_in_a_title_is_shown_as_text()
    {
        const string Title = "<script>alert('x')</script> Offer 2027-2030";
        using var lead = LeadCycle.SignedIn(Host, "lead@council.example");

        using var started = await LeadCycle.PostFormAsync(lead, "/cycles/new", "/cycles/new", LeadCycle.Form(Today, Title, Guid.NewGuid().ToString("N")));
        var id = LeadCycle.CycleIdFrom(started.Headers.Location);
        var page = await lead.GetStringAsync($"/cycles/{id}");
        var dashboard = await lead.GetStringAsync("/");
        var report = await lead.GetStringAsync($"/cycles/{id}/report");

        foreach (var html in new[] { page, dashboard, report })
        {
            Assert.DoesNotContain("<script>alert", html);
            Assert.Contains("&lt;script&gt;alert(", html);
        }
    }

    [Fact]
    public async Task Extending_to_a_bad_date_shows_the_error_and_a_good_date_redirects_with_a_banner()
    {
        var id = await LeadCycle.StartAsync(Host, "Extend Offer 2027-2030");
        await LeadCycle.WaitForAsync(Host, id, v => v.Counts.RequestsSent == 3); // the consultation is running (its consultees listed)
        using var lead = LeadCycle.SignedIn(Host, "lead@council.example");

        using var tooLate = await LeadCycle.PostFormAsync(lead, $"/cycles/{id}", $"/cycles/{id}?handler=Extend",
            new Dictionary<string, string> { ["Key"] = Guid.NewGuid().ToString("N"), ["Extend.Closes"] = LeadCycle.Iso(Today.AddDays(60)) });
        var refused = await tooLate.Content.ReadAsStringAsync();
        using var ok = await LeadCycle.PostFormAsync(lead, $"/cycles/{id}", $"/cycles/{id}?handler=Extend",
            new Dictionary<string, string> { ["Key"] = Guid.NewGuid().ToString("N"), ["Extend.Closes"] = LeadCycle.Iso(Today.AddDays(20)) });

        Assert.Equal(HttpStatusCode.OK, tooLate.StatusCode);
        Assert.Contains("<a href=\"#Extend_Closes\">", refused);
        Assert.Contains($"value=\"{LeadCycle.Iso(Today.AddDays(60))}\"", refused);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal($"/cycles/{id}?done=extended", ok.Headers.Location?.OriginalString);
        await LeadCycle.WaitForAsync(Host, id, v => v.ConsultationCloses == Today.AddDays(20));
        Assert.Contains("has been extended", await lead.GetStringAsync(ok.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task Start_from_a_previous_cycle_prefills_the_form()
    {
        var id = await LeadCycle.StartAsync(Host, "Template Offer 2027-2030");
        using var lead = LeadCycle.SignedIn(Host, "lead@council.example");

        var html = await lead.GetStringAsync($"/cycles/new?from={id}");
        using var missing = await lead.GetAsync("/cycles/new?from=cycle-none");

        Assert.Contains("Prefilled from", html);
        Assert.Contains("value=\"Voices Matter (Children in Care Council)\"", html);
        Assert.Contains("Riley &lt;riley@young.example&gt;", html);
        Assert.Contains("value=\"Corporate Parenting Panel\"", html);
        Assert.Contains($"name=\"Form.From\" value=\"{id}\"", html);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Audit_trail_and_committee_report_download()
    {
        var id = await LeadCycle.StartAsync(Host, "Downloads Offer 2027-2030");
        using var clerk = LeadCycle.SignedIn(Host, "clerk@council.example");

        using var csv = await clerk.GetAsync($"/cycles/{id}/audit.csv");
        using var docx = await clerk.GetAsync($"/cycles/{id}/report.docx");
        using var html = await clerk.GetAsync($"/cycles/{id}/report");
        using var none = await clerk.GetAsync("/cycles/cycle-none/report");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("CycleStarted", await csv.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await docx.Content.ReadAsByteArrayAsync())[..2]);
        Assert.EndsWith("-committee-report.docx", docx.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Downloads Offer 2027-2030", await html.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }
}
