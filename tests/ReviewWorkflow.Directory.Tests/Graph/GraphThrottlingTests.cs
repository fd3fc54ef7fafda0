namespace ReviewWorkflow.Directory.Tests.Graph;

/// <summary>Graph throttles (429 with Retry-After); Graph.Core's retry handler, not our code, waits and retries.</summary>
public sealed class GraphThrottlingTests
{
    [Fact]
    public async Task GetGroupMembersAsync_ThrottledOnEachPage_RetriedAfterRetryAfterAndReadsEveryone()
    {
        await using var graph = await FakeGraph.StartAsync();

        var members = await graph.Directory.GetGroupMembersAsync(FakeGraph.ThrottledGroupId);

        Assert.Equal(["t1", "t2"], members.Select(p => p.Id));
        var requests = graph.Server.Requests.ToArray();
        Assert.Equal(4, requests.Length);

        // The retry handler marks its retries, and waited at least the Retry-After before each.
        Assert.Equal([null, "1", null, "1"], requests.Select(r => r.Header("Retry-Attempt")));
        var arrivals = graph.Arrivals.ToArray();
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromSeconds(FakeGraph.RetryAfterSeconds) - TimeSpan.FromMilliseconds(50), $"first retry after {arrivals[1] - arrivals[0]}");
        Assert.True(arrivals[3] - arrivals[2] >= TimeSpan.FromSeconds(FakeGraph.RetryAfterSeconds) - TimeSpan.FromMilliseconds(50), $"second retry after {arrivals[3] - arrivals[2]}");
    }

    [Fact]
    public async Task GetGroupMembersAsync_ThrottledBeyondTheRetries_ThrowsDirectoryExceptionSayingSo()
    {
        await using var graph = await FakeGraph.StartAsync();

        var ex = await Assert.ThrowsAsync<DirectoryException>(() => graph.Directory.GetGroupMembersAsync(FakeGraph.AlwaysThrottledGroupId));

        Assert.Contains("429 (throttled) after 3 retries", ex.Message);
        Assert.Contains(FakeGraph.AlwaysThrottledGroupId, ex.Message);
        Assert.Equal(4, graph.Server.Requests.Count);
    }
}
