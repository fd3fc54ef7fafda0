using System.Net;
using ReviewWorkflow.App.Demo;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Web.Tests.ClerkPages;
using ReviewWorkflow.Web.Tests.Consultees;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Web.Tests.PersonalData;

/// <summary>Issue 15, "done when": the README's "Try it" — an administrator finds and erases the demo consultee Jordan M
/// on the pages, with the demo data seeded — does what it says; the README is read so the two cannot drift.</summary>
public sealed class DemoPersonalDataWalkTests
{
    private const string Jordan = "jordan.m@voices.council.example";

    [Fact]
    public async Task The_readme_names_the_walk_this_test_does()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Azurite.RepositoryRoot(), "README.md"));
        var walk = readme[readme.IndexOf("**Personal data (UK GDPR).**", StringComparison.Ordinal)..];

        foreach (var step in new[] { "Morgan Lee (`admin@council.example`)", "`/admin/personal-data`", $"`{Jordan}`", "**Erase this person's data**", "a reason and a tick to confirm" })
        {
            Assert.True(walk.Contains(step, StringComparison.Ordinal), $"README's walk no longer says: {step}");
        }
    }

    [Fact]
    public async Task The_demo_administrator_finds_and_erases_jordan_and_the_demo_trail_still_verifies()
    {
        await using var host = await WebTestHost.StartAsync("Development", new Dictionary<string, string?> { ["Demo:SeedData"] = "true" }, ConsulteeCycle.Start);
        await host.Services.GetRequiredService<DemoDataSeeder>().Completion.WaitAsync(TimeSpan.FromMinutes(3));
        using var morgan = ClerkForms.SignedIn(host, "admin@council.example");

        var found = await morgan.GetStringAsync("/admin/personal-data?Email=" + Uri.EscapeDataString(Jordan));
        Assert.Contains($"Cycle {DemoCycles.StrategyCycleId}", found, StringComparison.Ordinal);
        Assert.Contains("Jordan M", found, StringComparison.Ordinal);

        var confirm = await morgan.GetStringAsync("/admin/personal-data/erase?email=" + Uri.EscapeDataString(Jordan));
        using var erased = await ClerkForms.PostAsync(morgan, "/admin/personal-data/erase", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(confirm),
            ["Email"] = Jordan,
            ["Key"] = ClerkForms.Hidden(confirm, "Key"),
            ["Reason"] = "Request from the person by email",
            ["Confirm"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.Empty(await StorageScan.FindAsync(host.Services, host.OutboxFolder, Jordan, "\"Jordan M\""));
        var audit = host.Services.GetRequiredService<AuditLog>();
        Assert.True((await audit.VerifyAsync(DemoCycles.StrategyCycleId)).Valid);
        Assert.Contains(await audit.ReadAllAsync(DemoCycles.StrategyCycleId), e => e.Action == AuditActions.PersonalDataErased && e.Actor == "admin@council.example");
    }
}
