using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary>Issue 17, point 8: emailed links point at the address the app is served on. <c>./run.sh</c> sets
/// <c>Workflow__PublicBaseUrl</c> to <c>http://localhost:$RW_APP_PORT/</c>; here the setting carries another port and
/// every link in the cycle's emails must carry it (not the 7071 default).</summary>
public sealed class EmailedLinkBaseUrlTests
{
    [Fact]
    public async Task With_the_public_base_url_on_another_port_every_emailed_link_carries_that_port()
    {
        await using var host = await WebTestHost.StartAsync("Development",
            new Dictionary<string, string?> { ["Workflow:PublicBaseUrl"] = "http://localhost:17345/" }, ConsulteeCycle.Start);

        var cycle = await ConsulteeCycle.StartAsync(host);

        var links = (await host.Services.GetRequiredService<IOutbox>().ListAsync())
            .Where(m => m.CustomArgs.TryGetValue("cycleId", out var id) && id == cycle.CycleId)
            .SelectMany(m => m.Links).Where(l => l.Contains("localhost", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, links.Count(l => l.Contains("/respond/", StringComparison.Ordinal)));
        Assert.All(links, l => Assert.StartsWith("http://localhost:17345/", l, StringComparison.Ordinal));
    }
}
