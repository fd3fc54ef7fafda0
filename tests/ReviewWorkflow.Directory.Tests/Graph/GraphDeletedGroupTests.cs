namespace ReviewWorkflow.Directory.Tests.Graph;

/// <summary>A consultee group deleted in Entra: a clear "group not found", which the workflow reports as a problem of
/// the cycle (ResolveConsulteesActivity) instead of failing.</summary>
public sealed class GraphDeletedGroupTests
{
    [Fact]
    public async Task GetGroupMembersAsync_UnknownGroup_ThrowsGroupNotFound()
    {
        await using var graph = await FakeGraph.StartAsync();

        var ex = await Assert.ThrowsAsync<DirectoryGroupNotFoundException>(() => graph.Directory.GetGroupMembersAsync("g-missing"));

        Assert.Equal("g-missing", ex.GroupId);
        Assert.Contains("does not exist", ex.Message);
        Assert.Single(graph.Server.Requests);
    }

    [Fact]
    public async Task GetGroupMembersAsync_GroupDeletedBetweenPages_ThrowsGroupNotFound()
    {
        await using var graph = await FakeGraph.StartAsync();

        var ex = await Assert.ThrowsAsync<DirectoryGroupNotFoundException>(() => graph.Directory.GetGroupMembersAsync(FakeGraph.DeletedMidwayGroupId));

        Assert.Equal(FakeGraph.DeletedMidwayGroupId, ex.GroupId);
        Assert.Contains("does not exist", ex.Message);
        Assert.Equal(2, graph.Server.Requests.Count);
    }
}
