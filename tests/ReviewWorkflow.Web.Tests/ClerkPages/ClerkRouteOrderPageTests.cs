using System.Globalization;
using System.Net;
using ReviewWorkflow.Web.Tests.Infrastructure;
using static ReviewWorkflow.Web.Tests.ClerkPages.ClerkForms;

namespace ReviewWorkflow.Web.Tests.ClerkPages;

/// <summary>Issue 17, point 2 on the clerk's page: the page says meetings stay in route order, and re-dating the Panel
/// past Cabinet is refused with a message naming both bodies and dates; nothing moves.</summary>
public sealed class ClerkRouteOrderPageTests(DevelopmentHost fixture) : IClassFixture<DevelopmentHost>
{
    [Fact]
    public async Task Re_dating_the_panel_after_cabinet_is_refused_on_the_page_and_the_rule_is_stated()
    {
        var host = fixture.Host;
        var cycle = await ClerkCycle.ToPanelAsync(host, "Local Offer (route order)");
        using var clerk = SignedIn(host, Clerk);
        var html = await clerk.GetStringAsync($"/clerk/decisions/{cycle.Id}");
        Assert.Contains("Meetings stay in route order", html);

        var late = cycle.CabinetMeets.AddDays(1);
        using var response = await PostAsync(clerk, $"/clerk/decisions/{cycle.Id}?handler=MeetingDate", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html),
            ["MeetingKey"] = Hidden(html, "MeetingKey"),
            ["MeetingBody"] = ClerkCycle.Panel,
            ["NextMeetingDate.Day"] = late.Day.ToString(CultureInfo.InvariantCulture),
            ["NextMeetingDate.Month"] = late.Month.ToString(CultureInfo.InvariantCulture),
            ["NextMeetingDate.Year"] = late.Year.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Assert.Single(ErrorSummary(await response.Content.ReadAsStringAsync()));
        Assert.Contains(ClerkCycle.Cabinet, error);
        Assert.Contains(Workflow.Deadlines.DateText.Format(cycle.CabinetMeets), error);
        Assert.Equal(cycle.PanelMeets, (await host.Cycles.GetCycleAsync(cycle.Id))!.Route[0].MeetingDate);
    }
}
