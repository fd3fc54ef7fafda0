using System.Net;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary>The consultee's form over HTTP without JavaScript, with real links from the consultation requests.</summary>
[Collection(ConsulteeHostGroup.Name)]
public sealed class RespondPageTests(ConsulteeHost fixture)
{
    private static Dictionary<string, string> Answers(string view1, string comment1, string comments, string action) => new()
    {
        ["Input.Pledges[0].View"] = view1,
        ["Input.Pledges[0].Comment"] = comment1,
        ["Input.Comments"] = comments,
        ["Input.Action"] = action,
    };

    [Fact]
    public async Task Save_come_back_check_submit_and_see_the_confirmation()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        using var browser = new FormClient(fixture.Host);
        var page = $"/respond/{cycle.Pat}";

        var (status, html) = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Care leavers have a safe, stable home", html);
        Assert.Contains("What support do carers need to help young people leave care well?", html);
        Assert.Contains("Partly agree", html);
        Assert.DoesNotContain("rw-plain-language", html);

        using (var saved = await browser.PostAsync(page, Answers("partly", "More help with deposits.", "Thank you.", "save")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Contains("saved=True", saved.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        var stored = await cycle.StoredAsync(ConsulteeCycle.PatEmail);
        Assert.Equal(ResponseStatus.InProgress, stored!.Status);
        Assert.Equal(PledgeView.Partly, Assert.Single(stored.Content.Answers).View);

        // Come back later in a new browser: the answers are there.
        using var later = new FormClient(fixture.Host);
        (_, html) = await later.GetAsync(page);
        Assert.Contains("More help with deposits.", html);
        Assert.Matches("value=\"partly\" checked=\"checked\"", html);

        using (var next = await later.PostAsync(page, Answers("partly", "More help with deposits.", "Thank you.", "continue")))
        {
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
            Assert.EndsWith($"/respond/{cycle.Pat}/check", next.Headers.Location!.ToString());
        }

        (status, html) = await later.GetAsync(page + "/check");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Check your answers before sending them", html);
        Assert.Contains("Partly agree", html);

        using (var sent = await later.PostAsync(page + "/check", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.EndsWith($"/respond/{cycle.Pat}/sent", sent.Headers.Location!.ToString());
        }

        (status, html) = await later.GetAsync(page + "/sent");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Response sent", html);
        Assert.Contains("More help with deposits.", html);
        Assert.DoesNotContain("<textarea", html);
        Assert.Equal(ResponseStatus.Submitted, (await cycle.StoredAsync(ConsulteeCycle.PatEmail))!.Status);

        // The link now opens the read-only confirmation.
        using var again = await later.Http.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.EndsWith("/sent", again.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_double_submit_sends_once_and_a_save_after_sending_changes_nothing()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        using var browser = new FormClient(fixture.Host);
        var page = $"/respond/{cycle.Pat}";
        (await browser.PostAsync(page, Answers("agree", "Yes.", "", "continue"))).Dispose();
        var (_, check) = await browser.GetAsync(page + "/check");
        var hidden = FormClient.Hidden(check);

        for (var i = 0; i < 2; i++)
        {
            using var form = new FormUrlEncodedContent(hidden);
            using var response = await browser.Http.PostAsync(page + "/check", form);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var sent = await cycle.StoredAsync(ConsulteeCycle.PatEmail);
        Assert.Equal(ResponseStatus.Submitted, sent!.Status);

        using var form2 = new FormUrlEncodedContent(new Dictionary<string, string>(Answers("disagree", "Changed my mind", "", "save")) { ["__RequestVerificationToken"] = hidden["__RequestVerificationToken"] });
        using var late = await browser.Http.PostAsync(page, form2);
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        var after = await cycle.StoredAsync(ConsulteeCycle.PatEmail);
        Assert.Equal(sent.Version, after!.Version);
        Assert.Equal("Yes.", after.Content.Answers[0].Comment);
    }

    [Fact]
    public async Task Young_people_get_the_plain_language_form_and_carers_the_standard_one()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        using var browser = new FormClient(fixture.Host);

        var (_, young) = await browser.GetAsync($"/respond/{cycle.Riley}");
        Assert.Contains("rw-plain-language", young);
        Assert.Contains("Yes, I agree", young);
        Assert.Contains("Promise 1: Care leavers have a safe, stable home", young);
        Assert.Contains("What would make a home feel safe?", young);
        Assert.Contains("Save and finish later", young);

        var (_, carer) = await browser.GetAsync($"/respond/{cycle.Pat}");
        Assert.Contains("Pledge 1: Care leavers have a safe, stable home", carer);
        Assert.Contains("Save and come back later", carer);
        Assert.DoesNotContain("Yes, I agree", carer);
    }

    [Fact]
    public async Task A_token_opens_and_changes_only_its_own_response()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        using var riley = new FormClient(fixture.Host);
        (await riley.PostAsync($"/respond/{cycle.Riley}", Answers("agree", "Riley's private words", "", "save"))).Dispose();

        using var casey = new FormClient(fixture.Host);
        var (_, html) = await casey.GetAsync($"/respond/{cycle.Casey}");
        Assert.DoesNotContain("Riley's private words", html);
        Assert.DoesNotContain("Riley&#x27;s private words", html);
        (await casey.PostAsync($"/respond/{cycle.Casey}", Answers("disagree", "Casey's words", "", "save"))).Dispose();

        var rileys = await cycle.StoredAsync(ConsulteeCycle.RileyEmail);
        var caseys = await cycle.StoredAsync(ConsulteeCycle.CaseyEmail);
        Assert.Equal("Riley's private words", rileys!.Content.Answers[0].Comment);
        Assert.Equal(1, rileys.Version);
        Assert.Equal("Casey's words", caseys!.Content.Answers[0].Comment);
        Assert.Null(await cycle.StoredAsync(ConsulteeCycle.PatEmail));
    }

    [Fact]
    public async Task A_comment_too_long_shows_the_error_summary_and_keeps_what_was_typed()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        using var browser = new FormClient(fixture.Host);
        var tooLong = "The first home matters. " + new string('x', ResponseLimits.Comment);

        using var response = await browser.PostAsync($"/respond/{cycle.Pat}", Answers("agree", tooLong, "Keep this too", "save"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("Shorten your comment on pledge 1 to 5,000 characters or fewer", html);
        Assert.Contains("href=\"#Input_Pledges_0__Comment\"", html);
        Assert.Contains(tooLong, html);
        Assert.Contains("Keep this too", html);
        Assert.Contains("<title>Error: ", html);
        Assert.Null(await cycle.StoredAsync(ConsulteeCycle.PatEmail));
    }

    [Fact]
    public async Task A_comment_without_a_view_asks_for_one_and_stores_nothing()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        using var browser = new FormClient(fixture.Host);

        using var response = await browser.PostAsync($"/respond/{cycle.Riley}", Answers("", "I have thoughts", "", "save"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Pick an answer for promise 1 to go with what you wrote", html);
        Assert.Contains("I have thoughts", html);
        Assert.Null(await cycle.StoredAsync(ConsulteeCycle.RileyEmail));
    }

    [Fact]
    public async Task Script_and_formula_text_is_stored_as_typed_and_shown_escaped()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        using var browser = new FormClient(fixture.Host);
        const string script = "<script>alert('x')</script>";
        const string formula = "=HYPERLINK(\"http://evil.example\",\"click\")";

        (await browser.PostAsync($"/respond/{cycle.Pat}", Answers("agree", script, formula, "continue"))).Dispose();

        var stored = await cycle.StoredAsync(ConsulteeCycle.PatEmail);
        Assert.Equal(script, stored!.Content.Answers[0].Comment);
        Assert.Equal(formula, stored.Content.Comments);
        foreach (var path in new[] { $"/respond/{cycle.Pat}", $"/respond/{cycle.Pat}/check" })
        {
            var (_, html) = await browser.GetAsync(path);
            Assert.DoesNotContain(script, html);
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
            Assert.Contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)", html);
        }
    }

    [Fact]
    public async Task A_post_without_antiforgery_gets_400_and_stores_nothing()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        using var browser = new FormClient(fixture.Host);

        using var response = await browser.PostAsync($"/respond/{cycle.Pat}", Answers("agree", "Sneaky", "", "save"), antiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Your form could not be sent", await response.Content.ReadAsStringAsync());
        Assert.Null(await cycle.StoredAsync(ConsulteeCycle.PatEmail));
    }

    [Fact]
    public async Task Tampered_and_unknown_links_say_what_to_do_and_open_nothing()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        using var browser = new FormClient(fixture.Host);
        var tampered = cycle.Pat[..^2] + (cycle.Pat[^2] == 'A' ? "B" : "A") + cycle.Pat[^1];

        foreach (var token in new[] { tampered, "not-a-token", new string('a', 2000) })
        {
            var (status, html) = await browser.GetAsync($"/respond/{token}");
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains("This link does not work", html);
            Assert.DoesNotContain("Care leavers have a safe", html);
        }
    }

    [Fact]
    public async Task A_revoked_link_says_to_look_for_the_newer_one_and_keeps_what_was_typed_visible()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        using var browser = new FormClient(fixture.Host);
        var page = $"/respond/{cycle.Casey}";
        var (_, html) = await browser.GetAsync(page);
        var hidden = FormClient.Hidden(html);

        await fixture.Host.Services.GetRequiredService<IConsulteeLinkIssuer>().RevokeAsync(cycle.CycleId, ConsulteeCycle.Id(ConsulteeCycle.CaseyEmail));

        var (status, revoked) = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("This link does not work any more", revoked);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(hidden) { ["Input.Pledges[0].View"] = "agree", ["Input.Pledges[0].Comment"] = "Words I typed" });
        using var post = await browser.Http.PostAsync(page, form);
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Contains("Words I typed", await post.Content.ReadAsStringAsync());
        Assert.Null(await cycle.StoredAsync(ConsulteeCycle.CaseyEmail));
    }

    [Fact]
    public async Task An_oversized_form_gets_a_readable_413_and_stores_nothing()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        using var browser = new FormClient(fixture.Host);

        using var response = await browser.PostAsync($"/respond/{cycle.Pat}", Answers("agree", new string('y', 300 * 1024), "", "save"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("What you sent is too large", await response.Content.ReadAsStringAsync());
        Assert.Null(await cycle.StoredAsync(ConsulteeCycle.PatEmail));
    }
}
