using System.Net;
using System.Text;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary>A link past its expiry (60 days after the close) on a host of its own: the clock only moves forward.</summary>
public sealed class ExpiredLinkTests
{
    [Fact]
    public async Task An_expired_link_says_when_it_ended_and_refuses_changes()
    {
        await using var host = await WebTestHost.StartAsync("Development", start: ConsulteeCycle.Start);
        var cycle = await ConsulteeCycle.StartAsync(host);
        using var browser = new FormClient(host);
        var (_, html) = await browser.GetAsync($"/respond/{cycle.Pat}");
        var hidden = FormClient.Hidden(html);

        host.Clock.JumpTo(new DateTimeOffset(2026, 5, 20, 12, 0, 0, TimeSpan.Zero));

        var (status, expired) = await browser.GetAsync($"/respond/{cycle.Pat}");
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("This link has run out", expired);
        Assert.Contains("12 May 2026", expired);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(hidden) { ["Input.Pledges[0].View"] = "agree", ["Input.Action"] = "save" });
        using var post = await browser.Http.PostAsync($"/respond/{cycle.Pat}", form);
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);

        using var put = await host.Client.PutAsync($"/api/responses/{cycle.Pat}", new StringContent("""{ "comments": "late" }""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Gone, put.StatusCode);
        Assert.Contains("expired", await put.Content.ReadAsStringAsync());
        Assert.Null(await cycle.StoredAsync(ConsulteeCycle.PatEmail));
    }
}
