namespace ReviewWorkflow.Directory.Tests.Graph;

/// <summary>The groups <c>/cycles/new</c> offers: <c>GET /groups</c>, every page, id and display name only.</summary>
public sealed class GraphListGroupsTests
{
    [Fact]
    public async Task ListGroupsAsync_reads_every_page_selecting_id_and_displayName()
    {
        await using var graph = await FakeGraph.StartAsync();

        var groups = await graph.Directory.ListGroupsAsync();

        Assert.Equal([("g-consultees", "Consultees"), ("g-partners", "Partners"), ("g-staff", "Children's services staff")],
            groups.Select(g => (g.Id, g.DisplayName)));
        Assert.Equal(2, graph.Server.Requests.Count);
        var first = graph.Server.Requests.First();
        Assert.Equal("/v1.0/groups", first.Path);
        Assert.Equal(["id", "displayName"], FakeGraph.Query(first)["$select"].Split(','));
    }
}
