using System.Net;
using ReviewWorkflow.Web.Tests.ClerkPages;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.ForwardPlan;

/// <summary>The clerk's list and the cycle page flag a key decision with less than 28 clear days' notice; the clerk
/// records the exception route on its page (errors in the GOV.UK summary, nothing stored); the forward plan shows it.</summary>
public sealed class ExceptionRoutePageTests(DevelopmentHost fixture) : IClassFixture<DevelopmentHost>
{
    private const string Reason = "<script>alert(1)</script> The Ofsted action plan brought the date forward.";

    [Fact]
    public async Task The_clerk_records_a_general_exception_and_the_forward_plan_shows_it()
    {
        var host = fixture.Host;
        var id = await LateKeyDecision.StartAsync(host, "Late <b>offer</b>");
        using var clerk = ClerkForms.SignedIn(host, ClerkForms.Clerk);
        var path = $"/clerk/key-decisions/{id}/1";

        var list = await clerk.GetStringAsync("/clerk");
        Assert.Contains($"href=\"{path}\"", list, StringComparison.Ordinal);
        Assert.Contains("Key decisions with less than 28 clear days' notice", list, StringComparison.Ordinal);

        var form = await clerk.GetStringAsync(path);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(form),
            ["IdempotencyKey"] = ClerkForms.Hidden(form, "IdempotencyKey"),
            ["Route"] = "special-urgency",
            ["Reason"] = Reason,
        };
        using (var refused = await ClerkForms.PostAsync(clerk, path, fields))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(
                ["Enter the name of the overview and scrutiny chair who agreed the decision is urgent", "Enter the date the overview and scrutiny chair agreed"],
                ClerkForms.ErrorSummary(html));
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; The Ofsted", html, StringComparison.Ordinal); // kept as typed, as text
        }

        form = await clerk.GetStringAsync(path);
        fields["__RequestVerificationToken"] = Forms.AntiforgeryToken(form);
        fields["IdempotencyKey"] = ClerkForms.Hidden(form, "IdempotencyKey");
        fields["Route"] = "general-exception";
        fields["ChairName"] = "Cllr Robin Example";
        using (var recorded = await ClerkForms.PostAsync(clerk, path, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
            Assert.Equal($"/cycles/{id}#key-decision-notices", recorded.Headers.Location!.OriginalString);
        }

        var cyclePage = await clerk.GetStringAsync($"/cycles/{id}");
        Assert.Contains("General exception</strong> recorded by clerk@council.example", cyclePage, StringComparison.Ordinal);
        var plan = await host.Client.GetStringAsync("/forward-plan");
        Assert.Contains("general exception (regulation 10)", plan, StringComparison.Ordinal);
        Assert.Contains("Reason: &lt;script&gt;alert(1)&lt;/script&gt; The Ofsted action plan", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", plan, StringComparison.Ordinal);
        Assert.Contains("Late &lt;b&gt;offer&lt;/b&gt;", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_clerks_can_open_the_exception_page()
    {
        var id = await LateKeyDecision.StartAsync(fixture.Host);
        using var lead = ClerkForms.SignedIn(fixture.Host, ClerkForms.Lead);

        using var response = await lead.GetAsync($"/clerk/key-decisions/{id}/1");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
