using System.Net;
using ReviewWorkflow.Web.Tests.Api;
using ReviewWorkflow.Web.Tests.ClerkPages;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.PersonalData;

/// <summary>Issue 15, point 4 on the pages: <c>/admin/personal-data</c> finds an address, offers the downloads, and
/// erases only after a reason and a confirmation; a hostile search gets a readable message.</summary>
public sealed class PersonalDataPagesTests
{
    [Fact]
    public async Task An_administrator_searches_confirms_with_a_reason_and_erases()
    {
        await using var host = await WebTestHost.StartAsync(start: ApiHostFixture.Start);
        await ConsultedCycle.StartAsync(host);
        using var admin = ClerkForms.SignedIn(host, ApiCycleJson.AdminEmail);

        var found = await admin.GetStringAsync("/admin/personal-data?Email=" + Uri.EscapeDataString(ConsultedCycle.Riley));
        Assert.Contains("id=\"download-csv\"", found, StringComparison.Ordinal);
        Assert.Contains("/admin/personal-data/erase?email=", found, StringComparison.Ordinal);

        var confirm = await admin.GetStringAsync("/admin/personal-data/erase?email=" + Uri.EscapeDataString(ConsultedCycle.Riley));
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(confirm),
            ["Email"] = ConsultedCycle.Riley,
            ["Key"] = ClerkForms.Hidden(confirm, "Key"),
            ["Reason"] = "",
        };

        // Without a reason or the tick: the confirmation page again with both messages, nothing erased.
        using (var refused = await ClerkForms.PostAsync(admin, "/admin/personal-data/erase", fields))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(2, ClerkForms.ErrorSummary(html).Count);
        }

        Assert.NotEmpty(await StorageScan.FindAsync(host.Services, host.OutboxFolder, ConsultedCycle.RileyWords));

        fields["Reason"] = "Request from the person by email on 3 March";
        fields["Confirm"] = "true";
        using (var erased = await ClerkForms.PostAsync(admin, "/admin/personal-data/erase", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
            var after = await admin.GetStringAsync(erased.Headers.Location!.ToString());
            Assert.Contains("Personal data erased in 1 cycle", after, StringComparison.Ordinal);
            Assert.Contains("id=\"erased-before\"", after, StringComparison.Ordinal);
        }

        Assert.Empty(await StorageScan.FindAsync(host.Services, host.OutboxFolder, ConsultedCycle.Riley, ConsultedCycle.RileyWords));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("=HYPERLINK(\"http://evil.example\")")]
    [InlineData("riley@young.example\r\nBcc: x@y.example")]
    public async Task A_hostile_search_shows_a_readable_message(string email)
    {
        await using var host = await WebTestHost.StartAsync(start: ApiHostFixture.Start);
        using var admin = ClerkForms.SignedIn(host, ApiCycleJson.AdminEmail);

        var html = await admin.GetStringAsync("/admin/personal-data?Email=" + Uri.EscapeDataString(email));

        Assert.Single(ClerkForms.ErrorSummary(html));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"results\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_cannot_open_the_personal_data_pages()
    {
        await using var host = await WebTestHost.StartAsync(start: ApiHostFixture.Start);
        using var lead = ClerkForms.SignedIn(host, ApiCycleJson.LeadEmail);

        using var response = await lead.GetAsync("/admin/personal-data");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
