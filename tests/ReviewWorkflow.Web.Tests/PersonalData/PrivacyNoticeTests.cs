using System.Net;
using ReviewWorkflow.Web.Tests.Api;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.PersonalData;

/// <summary>Issue 15, point 5: the consultee form carries a privacy notice — plain words for children and young
/// people, the fuller one for adults — and the council's own text when configured.</summary>
public sealed class PrivacyNoticeTests
{
    [Fact]
    public async Task A_young_person_reads_the_plain_notice_and_a_carer_the_full_one_with_the_retention_months()
    {
        await using var host = await WebTestHost.StartAsync(start: ApiHostFixture.Start, settings: new Dictionary<string, string?>
        {
            ["Workflow:Council:PersonalDataRetentionMonths"] = "18",
            ["Web:Privacy:Contact"] = "dpo@northbridge.example",
        });
        var cycle = await ConsultedCycle.StartAsync(host);

        var young = WebUtility.HtmlDecode(await host.Client.GetStringAsync($"/respond/{cycle.Tokens["casey@young.example"]}"));
        var carer = WebUtility.HtmlDecode(await host.Client.GetStringAsync($"/respond/{cycle.Tokens[ConsultedCycle.Pat]}"));

        Assert.Contains("What happens to what you tell us", young, StringComparison.Ordinal);
        Assert.Contains("We delete your name, email address and words 18 months after the plan is agreed", young, StringComparison.Ordinal);
        Assert.Contains("dpo@northbridge.example", young, StringComparison.Ordinal);
        Assert.Contains("How we use your information (privacy notice)", carer, StringComparison.Ordinal);
        Assert.Contains("Northbridge Council is the data controller", carer, StringComparison.Ordinal);
        Assert.Contains("deleted 18 months after the strategy is adopted", carer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_councils_own_notice_replaces_the_default()
    {
        await using var host = await WebTestHost.StartAsync(start: ApiHostFixture.Start, settings: new Dictionary<string, string?>
        {
            ["Web:Privacy:Notice"] = "Our own notice, first paragraph.\n\nSecond paragraph <b>not markup</b>.",
        });
        var cycle = await ConsultedCycle.StartAsync(host);

        var html = await host.Client.GetStringAsync($"/respond/{cycle.Tokens[ConsultedCycle.Pat]}");

        Assert.Contains("<p class=\"govuk-body\">Our own notice, first paragraph.</p>", html, StringComparison.Ordinal);
        Assert.Contains("Second paragraph &lt;b&gt;not markup&lt;/b&gt;.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is the data controller", html, StringComparison.Ordinal);
    }
}
