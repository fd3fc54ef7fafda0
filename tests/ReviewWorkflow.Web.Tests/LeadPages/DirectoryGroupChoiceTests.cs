using System.Net;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Tests.LeadPages;

/// <summary>"Start a review" offers the directory's groups, and a group the directory does not know is a readable error
/// that starts nothing (issue 17, point 4).</summary>
public sealed class DirectoryGroupChoiceTests(LeadHost fixture) : IClassFixture<LeadHost>
{
    private WebTestHost Host => fixture.Host;

    private DateOnly Today => DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Start_a_review_offers_the_directorys_groups_by_name()
    {
        using var lead = LeadCycle.SignedIn(Host, "lead@council.example");

        var html = await lead.GetStringAsync("/cycles/new");

        Assert.Contains("name=\"Form.Groups[0].DirectoryGroupId\"", html);
        Assert.Contains("<option value=\"partners\">Partners</option>", html);
        Assert.Contains("<option value=\"children-in-care-council\">Children in Care Council</option>", html);
    }

    [Fact]
    public async Task A_directory_group_nobody_is_in_is_a_readable_error_on_the_field_and_starts_nothing()
    {
        using var lead = LeadCycle.SignedIn(Host, "lead@council.example");
        var key = "unknown-group-" + Guid.NewGuid().ToString("N");
        var fields = LeadCycle.Form(Today, "Unknown group 2027-2030", key);
        fields["Form.Groups[1].Members"] = "";
        fields["Form.Groups[1].DirectoryGroupId"] = "no-such-group";

        using var response = await LeadCycle.PostFormAsync(lead, "/cycles/new", "/cycles/new", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#Form_Groups_1__DirectoryGroupId\">", html);
        Assert.Contains("no-such-group", html);
        Assert.Null(await Host.Cycles.GetCycleAsync(ReviewCycleService.DeriveId(key)));
    }
}
