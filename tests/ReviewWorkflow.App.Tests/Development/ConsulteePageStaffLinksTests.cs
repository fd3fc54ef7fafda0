using ReviewWorkflow.Workflow.Consultation;

namespace ReviewWorkflow.App.Tests.Development;

/// <summary>Issue 17, point 8: a consultee's pages never show the staff links ("Outbox", "Move the clock"), even in
/// Development with the clock on and the local outbox in use, where staff pages do show them.</summary>
public sealed class ConsulteePageStaffLinksTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rw-consultee-links-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_consultee_s_page_has_no_outbox_or_clock_link_while_the_sign_in_page_has_both()
    {
        await using var app = await DevelopmentClockApp.StartAsync(_folder, "Development", "true");
        using var client = DevelopmentClockApp.Client(app);
        var link = await app.Services.GetRequiredService<IConsulteeLinkIssuer>()
            .IssueAsync("links-cycle", "c-0123456789abcdef0123", DateTimeOffset.UtcNow.AddDays(30));

        var staff = await client.GetStringAsync("/dev/sign-in");
        using var page = await client.GetAsync($"/respond/{link.Token}"); // a link whose cycle is gone: still a consultee's page
        var consultee = await page.Content.ReadAsStringAsync();
        Assert.Contains("govuk-template__body", consultee, StringComparison.Ordinal);

        Assert.Contains("id=\"dev-clock-link\"", staff, StringComparison.Ordinal);
        Assert.Contains("href=\"/outbox\"", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("dev-clock-link", consultee, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/outbox\"", consultee, StringComparison.Ordinal);
        Assert.DoesNotContain("Move the clock", consultee, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }
}
