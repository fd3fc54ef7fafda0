using System.Net;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary>Issue 17, point 3: a partner's link is shared by colleagues, so its form asks "Your name" and each save and
/// the submission record that name (in the response, the audit trail and the lead's view), not the link owner's.</summary>
[Collection(ConsulteeHostGroup.Name)]
public sealed class SharedLinkNamePageTests(ConsulteeHost fixture)
{
    private const string Comment = "Named health visitors for care leavers who are parents.";

    [Fact]
    public async Task A_partner_save_and_send_record_the_names_typed_in_the_response_the_audit_and_the_leads_view()
    {
        var cycle = await PartnerCycle.StartAsync(fixture.Host);
        var page = $"/respond/{cycle.Partner}";
        using var client = new FormClient(fixture.Host);
        var (_, html) = await client.GetAsync(page);
        Assert.Contains("Your name", html);

        using (var saved = await client.PostAsync(page, Fields("Sam Colleague", "continue")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var check = $"/respond/{cycle.Partner}/check";
        var (_, checkHtml) = await client.GetAsync(check);
        Assert.Contains("value=\"Sam Colleague\"", checkHtml);
        using (var sent = await client.PostAsync(check, new Dictionary<string, string> { ["SavedBy"] = "Robin O’Neill-Smith" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.EndsWith("/sent", sent.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var stored = (await cycle.PartnerResponseAsync())!;
        Assert.Equal(["Sam Colleague", "Robin O’Neill-Smith"], stored.Contributors.Select(c => c.Name));
        Assert.Equal("Robin O’Neill-Smith", stored.SubmittedBy);
        var audit = await cycle.PartnerAuditAsync();
        Assert.Equal([("ResponseSaved", "Sam Colleague"), ("ResponseSubmitted", "Robin O’Neill-Smith")], audit.Select(e => (e.Action, e.Actor)));
        Assert.DoesNotContain(audit, e => e.Actor.Contains(PartnerCycle.PartnerOwner, StringComparison.Ordinal));

        using var lead = fixture.Host.ClientAs(PartnerCycle.Lead);
        var view = WebUtility.HtmlDecode(await lead.GetStringAsync($"/cycles/{cycle.CycleId}/responses/{PartnerCycle.PartnerId}"));
        Assert.Contains("Sent by</dt><dd class=\"govuk-summary-list__value rw-wrap\">Robin O’Neill-Smith", view);
        Assert.Contains("Sam Colleague, Robin O’Neill-Smith", view);
    }

    [Fact]
    public async Task A_partner_save_without_a_name_shows_the_error_summary_keeps_the_answers_and_stores_nothing()
    {
        var cycle = await PartnerCycle.StartAsync(fixture.Host);
        using var client = new FormClient(fixture.Host);

        using var refused = await client.PostAsync($"/respond/{cycle.Partner}", Fields("   ", "save"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("href=\"#Input_SavedBy\"", html);
        Assert.Contains("Enter your name", html);
        Assert.Contains(Comment, html);
        Assert.Null(await cycle.PartnerResponseAsync());
        Assert.Empty(await cycle.PartnerAuditAsync());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "can only include")]
    [InlineData("=HYPERLINK(\"https://evil.example/\")", "can only include")]
    [InlineData("-2+3", "can only include")]
    [InlineData("(Sam) Colleague", "Start your name with a letter")]
    [InlineData("Sam\r\nRole: admin", "can only include")]
    [InlineData("Sam \u202Eevil", "can only include")]
    [InlineData("Sam\u200BColleague", "can only include")]
    public async Task A_hostile_name_is_refused_clearly_and_the_answers_stay(string name, string message)
    {
        var cycle = await PartnerCycle.StartAsync(fixture.Host);
        using var client = new FormClient(fixture.Host);

        using var refused = await client.PostAsync($"/respond/{cycle.Partner}", Fields(name, "save"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains(message, html);
        Assert.Contains(Comment, html);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Null(await cycle.PartnerResponseAsync());
    }

    [Fact]
    public async Task Sending_from_the_check_page_without_a_name_is_refused_and_nothing_is_sent()
    {
        var cycle = await PartnerCycle.StartAsync(fixture.Host);
        using var client = new FormClient(fixture.Host);
        (await client.PostAsync($"/respond/{cycle.Partner}", Fields("Sam Colleague", "continue"))).Dispose();

        using var refused = await client.PostAsync($"/respond/{cycle.Partner}/check", new Dictionary<string, string> { ["SavedBy"] = "" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("href=\"#SavedBy\"", html);
        Assert.Contains("Enter your name", html);
        Assert.False((await cycle.PartnerResponseAsync())!.Submitted);
    }

    [Fact]
    public async Task A_name_over_100_characters_is_refused_saying_the_limit()
    {
        var cycle = await PartnerCycle.StartAsync(fixture.Host);
        using var client = new FormClient(fixture.Host);

        using var refused = await client.PostAsync($"/respond/{cycle.Partner}", Fields(new string('a', 101), "save"));

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("100 characters or fewer (you entered 101)", html);
        Assert.Contains(Comment, html);
        Assert.Null(await cycle.PartnerResponseAsync());
    }

    [Fact]
    public async Task A_personal_link_asks_no_name_saves_under_its_owner_and_audits_the_consultee_id()
    {
        var cycle = await PartnerCycle.StartAsync(fixture.Host);
        using var client = new FormClient(fixture.Host);
        var (_, html) = await client.GetAsync($"/respond/{cycle.Carer}");
        Assert.DoesNotContain("Your name", html);

        var fields = Fields("", "save");
        fields.Remove("Input.SavedBy");
        using var saved = await client.PostAsync($"/respond/{cycle.Carer}", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await fixture.Host.Services.GetRequiredService<ReviewWorkflow.Workflow.Responses.ResponseStore>()
            .GetAsync(cycle.CycleId, ReviewWorkflow.Workflow.Domain.ConsulteeId.For(PartnerCycle.CarerEmail));
        Assert.Equal("Pat Carer", Assert.Single(stored!.Contributors).Name);
        var audit = await fixture.Host.Services.GetRequiredService<ReviewWorkflow.Workflow.Audit.AuditLog>().ReadAllAsync(cycle.CycleId);
        // A personal link's saves are not audited (the response row is the record); nothing names the carer in the trail.
        Assert.DoesNotContain(audit, e => e.Action == "ResponseSaved");
        Assert.DoesNotContain(audit, e => (e.Details ?? "").Contains("Pat Carer", StringComparison.Ordinal) || e.Actor.Contains("Pat Carer", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Fields(string name, string action) => new()
    {
        ["Input.SavedBy"] = name,
        ["Input.Pledges[0].View"] = "partly",
        ["Input.Pledges[0].Comment"] = Comment,
        ["Input.Comments"] = "",
        ["Input.Action"] = action,
    };
}
