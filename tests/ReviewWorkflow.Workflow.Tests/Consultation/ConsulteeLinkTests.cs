using Microsoft.Extensions.Options;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Hosting;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Consultation;

public sealed class ConsulteeLinkTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(HmacConsulteeLinkIssuer Issuer, ManualTimeProvider Clock)> IssuerAsync(string key = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=")
    {
        var clock = new ManualTimeProvider(Now);
        var options = Options.Create(new WorkflowOptions { PublicBaseUrl = new Uri("https://reviews.council.example/"), LinkSigningKey = key });
        return (new HmacConsulteeLinkIssuer(await TestTables.CreateAsync("links"), clock, options), clock);
    }

    [Fact]
    public async Task The_same_consultee_gets_the_same_link_and_it_opens_only_their_response()
    {
        var (issuer, _) = await IssuerAsync();
        var first = await issuer.IssueAsync("cic-2027", "c-aaaa", Now.AddDays(30));
        var again = await issuer.IssueAsync("cic-2027", "c-aaaa", Now.AddDays(30));
        var other = await issuer.IssueAsync("cic-2027", "c-bbbb", Now.AddDays(30));

        Assert.Equal(first.Token, again.Token);
        Assert.NotEqual(first.Token, other.Token);
        Assert.Equal("https://reviews.council.example/respond/" + first.Token, first.Url);
        var check = await issuer.CheckAsync(first.Token);
        Assert.Equal((ConsulteeLinkState.Valid, "cic-2027", "c-aaaa"), (check.State, check.CycleId, check.ConsulteeId));
    }

    [Fact]
    public async Task Tampered_expired_and_revoked_links_do_not_open()
    {
        var (issuer, clock) = await IssuerAsync();
        var link = await issuer.IssueAsync("cic-2027", "c-aaaa", Now.AddDays(30));
        var tampered = link.Token[..^2] + (link.Token[^2] == 'A' ? "BB" : "AA");

        Assert.Equal(ConsulteeLinkState.Invalid, (await issuer.CheckAsync(tampered)).State);
        Assert.Equal(ConsulteeLinkState.Invalid, (await issuer.CheckAsync("not-a-token")).State);
        var (otherKeyIssuer, _) = await IssuerAsync("ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICA=");
        Assert.Equal(ConsulteeLinkState.Invalid, (await otherKeyIssuer.CheckAsync(link.Token)).State);

        clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(ConsulteeLinkState.Expired, (await issuer.CheckAsync(link.Token)).State);

        await issuer.RevokeAsync("cic-2027", "c-aaaa");
        Assert.Equal(ConsulteeLinkState.Revoked, (await issuer.CheckAsync(link.Token)).State);
        var fresh = await issuer.IssueAsync("cic-2027", "c-aaaa", clock.GetUtcNow().AddDays(30));
        Assert.NotEqual(link.Token, fresh.Token);
        Assert.Equal(ConsulteeLinkState.Valid, (await issuer.CheckAsync(fresh.Token)).State);
        Assert.Equal(ConsulteeLinkState.Revoked, (await issuer.CheckAsync(link.Token)).State);
    }
}
