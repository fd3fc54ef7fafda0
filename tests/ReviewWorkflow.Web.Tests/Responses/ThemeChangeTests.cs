using System.Net;
using ReviewWorkflow.Web.Tests.Api;
using ReviewWorkflow.Web.Tests.LeadPages;
using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Tests.Responses;

/// <summary>The lead names a theme, tags a comment with it and quotes it: each change is one audit row (actor, role,
/// request id, idempotency key), a repeated form changes nothing, a refused one writes nothing, and the response is
/// untouched.</summary>
[Collection(ResponsesGroup.Name)]
public sealed class ThemeChangeTests(ResponsesFixture fixture)
{
    private AuditLog Audit => fixture.Host.Services.GetRequiredService<AuditLog>();

    /// <summary>The theme changes in the trail (the consultation's own rows keep arriving meanwhile).</summary>
    private async Task<int> ThemeRowsAsync() => (await Audit.ReadAllAsync(fixture.CycleId)).Count(e => e.Action is ThemeAuditActions.ThemeCreated
        or ThemeAuditActions.ResponseTagged or ThemeAuditActions.ResponseUntagged or ThemeAuditActions.QuoteChosen or ThemeAuditActions.QuoteRemoved);

    private async Task<string> CreateThemeAsync(HttpClient lead, string name, string key)
    {
        var path = $"/cycles/{fixture.CycleId}/responses";
        using var posted = await LeadCycle.PostFormAsync(lead, path, path + "?handler=Theme", new Dictionary<string, string> { ["ThemeName"] = name, ["Key"] = key });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return (await fixture.Host.Services.GetRequiredService<ThemeStore>().ReadAsync(fixture.CycleId)).FindByName(name)!.Id;
    }

    private async Task<HttpResponseMessage> ActAsync(HttpClient lead, string handler, int consultee, string themeId, string part, string key)
    {
        var path = $"/cycles/{fixture.CycleId}/responses/{ResponsesFixture.Id(consultee)}";
        return await LeadCycle.PostFormAsync(lead, path, $"{path}?handler={handler}", new Dictionary<string, string> { ["ThemeId"] = themeId, ["Part"] = part, ["Key"] = key });
    }

    [Fact]
    public async Task Naming_tagging_and_quoting_are_each_audited_once_and_leave_the_response_as_it_was()
    {
        using var lead = fixture.As(ResponsesFixture.Lead);
        var store = fixture.Host.Services.GetRequiredService<ResponseStore>();
        var before = await store.GetAsync(fixture.CycleId, ResponsesFixture.Id(5));
        var key = Guid.NewGuid().ToString("N");

        var themeId = await CreateThemeAsync(lead, "Help with housing", key);
        Assert.Equal(themeId, await CreateThemeAsync(lead, "Help with housing", key)); // the same form again: the same theme
        using (var tagged = await ActAsync(lead, "Tag", 5, themeId, "pledge-1", "tag-1"))
        {
            Assert.Equal(HttpStatusCode.Redirect, tagged.StatusCode);
        }

        using (var quoted = await ActAsync(lead, "Quote", 5, themeId, "pledge-1", "quote-1"))
        {
            Assert.Equal(HttpStatusCode.Redirect, quoted.StatusCode);
        }

        var trail = await Audit.ReadAllAsync(fixture.CycleId);
        var created = Assert.Single(trail, e => e.Action == ThemeAuditActions.ThemeCreated && e.Subject == "Help with housing");
        Assert.Equal((ResponsesFixture.Lead, AuditRole.Lead, "theme:" + key), (created.Actor, created.Role, created.IdempotencyKey));
        Assert.False(string.IsNullOrEmpty(created.RequestId));
        var tag = Assert.Single(trail, e => e.Action == ThemeAuditActions.ResponseTagged && e.IdempotencyKey == "tag:tag-1");
        Assert.Equal(ResponsesFixture.Id(5), tag.Subject);
        Assert.Contains("pledge-1", tag.Details, StringComparison.Ordinal);
        Assert.Single(trail, e => e.Action == ThemeAuditActions.QuoteChosen && e.IdempotencyKey == "quote:quote-1");

        var after = await store.GetAsync(fixture.CycleId, ResponsesFixture.Id(5));
        Assert.Equal(before!.ETag, after!.ETag);
        Assert.True(before.Content.SameAs(after.Content));

        var cycle = await (await lead.GetAsync($"/api/cycles/{fixture.CycleId}")).JsonAsync(HttpStatusCode.OK);
        var theme = cycle["themes"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == themeId)!;
        Assert.Equal(1, theme["responses"]!.GetValue<int>());
        Assert.Equal(ResponsesFixture.Id(5), theme["tags"]![0]!["consulteeId"]!.GetValue<string>());
        Assert.Equal("pledge-1", theme["quotes"]![0]!["part"]!.GetValue<string>());
    }

    [Fact]
    public async Task Untagging_removes_the_tag_and_its_quote_and_is_audited()
    {
        using var lead = fixture.As(ResponsesFixture.Lead);
        var themeId = await CreateThemeAsync(lead, "Moving on", Guid.NewGuid().ToString("N"));
        (await ActAsync(lead, "Tag", 10, themeId, "pledge-1", "tag-10")).Dispose();
        (await ActAsync(lead, "Quote", 10, themeId, "pledge-1", "quote-10")).Dispose();

        using var untagged = await ActAsync(lead, "Untag", 10, themeId, "pledge-1", "untag-10");

        Assert.Equal(HttpStatusCode.Redirect, untagged.StatusCode);
        var set = await fixture.Host.Services.GetRequiredService<ThemeStore>().ReadAsync(fixture.CycleId);
        Assert.Empty(set.TagsOf(themeId));
        Assert.Empty(set.Find(themeId)!.Quotes);
        Assert.Single(await Audit.ReadAllAsync(fixture.CycleId), e => e.Action == ThemeAuditActions.ResponseUntagged && e.IdempotencyKey == "untag:untag-10");
    }

    [Fact]
    public async Task A_refused_change_shows_the_reason_and_writes_nothing()
    {
        using var lead = fixture.As(ResponsesFixture.Lead);
        var themeId = await CreateThemeAsync(lead, "Refusals", Guid.NewGuid().ToString("N"));
        var rows = await ThemeRowsAsync();

        using var noComment = await ActAsync(lead, "Tag", 1, themeId, "pledge-2", "tag-refused"); // consultee 1 has no comment on pledge 2
        using var wholeQuote = await ActAsync(lead, "Quote", 1, themeId, "response", "quote-refused");
        var path = $"/cycles/{fixture.CycleId}/responses";
        using var longName = await LeadCycle.PostFormAsync(lead, path, path + "?handler=Theme", new Dictionary<string, string> { ["ThemeName"] = new string('n', 81), ["Key"] = "long" });

        Assert.Equal(HttpStatusCode.OK, noComment.StatusCode);
        Assert.Contains("Choose the whole response or one of the comments it has.", await noComment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Choose one comment to quote, not the whole response.", await wholeQuote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter a theme name of 1 to 80 characters.", await longName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(rows, await ThemeRowsAsync());
    }

    [Fact]
    public async Task A_clerk_cannot_change_themes()
    {
        using var lead = fixture.As(ResponsesFixture.Lead);
        var themeId = await CreateThemeAsync(lead, "Clerk attempt", Guid.NewGuid().ToString("N"));
        using var clerk = fixture.As(ResponsesFixture.Clerk);
        var token = Infrastructure.Forms.AntiforgeryToken(await clerk.GetStringAsync("/dev/sign-in"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["ThemeId"] = themeId, ["Part"] = "response", ["Key"] = "clerk", ["__RequestVerificationToken"] = token });

        using var posted = await clerk.PostAsync($"/cycles/{fixture.CycleId}/responses/{ResponsesFixture.Id(1)}?handler=Tag", form);

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Empty((await fixture.Host.Services.GetRequiredService<ThemeStore>().ReadAsync(fixture.CycleId)).TagsOf(themeId));
    }
}
