using System.Text.Json;

namespace ReviewWorkflow.Directory.Tests.Graph;

public sealed class GraphDirectoryTests
{
    [Fact]
    public async Task GetGroupMembersAsync_FollowsEveryNextLink_ReturnsEachMemberWithMailOnceGuestsIncluded()
    {
        await using var graph = await FakeGraph.StartAsync();

        var members = await graph.Directory.GetGroupMembersAsync(FakeGraph.GroupId);

        Assert.Equal(["u1", "u3", "u6", "u4", "u5"], members.Select(p => p.Id));
        Assert.Equal("sam.okafor@carers.example", members[1].Email);
        Assert.Equal(("Jo Rivers", "jo.rivers@charity.example"), (members[2].DisplayName, members[2].Email));
        Assert.Equal("Dr Helen Marsh", members[3].DisplayName);
        Assert.Equal(3, graph.Server.Requests.Count);
    }

    [Fact]
    public async Task EveryRequest_CarriesTheCredentialsBearerToken()
    {
        await using var graph = await FakeGraph.StartAsync();

        await graph.Directory.GetGroupMembersAsync(FakeGraph.GroupId);

        Assert.All(graph.Server.Requests, r => Assert.Equal("Bearer " + FakeGraph.AccessToken, r.Header("Authorization")));
    }

    [Fact]
    public async Task GetGroupMembersAsync_AsksForUsersOnlyWithSelectAndTop()
    {
        await using var graph = await FakeGraph.StartAsync();

        await graph.Directory.GetGroupMembersAsync(FakeGraph.GroupId);

        var first = graph.Server.Requests.First();
        Assert.Equal("GET", first.Method);
        Assert.Matches("^/v1.0/groups/g-consultees/transitiveMembers/(microsoft\\.)?graph\\.user$", first.Path);
        var query = FakeGraph.Query(first);
        Assert.Equal(["id", "displayName", "mail", "userPrincipalName"], query["$select"].Split(','));
        Assert.Equal("999", query["$top"]);
        Assert.Equal(["page2", "page3"], graph.Server.Requests.Skip(1).Select(r => FakeGraph.Query(r)["$skiptoken"]));
    }

    [Fact]
    public async Task FindPersonAsync_FiltersOnMailOrUpnWithEscapedLiteral()
    {
        await using var graph = await FakeGraph.StartAsync();

        var found = await graph.Directory.FindPersonAsync("helen.marsh@health.example");
        var missing = await graph.Directory.FindPersonAsync("o'brien@council.example");

        Assert.Equal("u4", found?.Id);
        Assert.Null(missing);
        var filters = graph.Server.Requests.Select(r => FakeGraph.Query(r)["$filter"]).ToArray();
        Assert.Equal("mail eq 'helen.marsh@health.example' or userPrincipalName eq 'helen.marsh@health.example'", filters[0]);
        Assert.Equal("mail eq 'o''brien@council.example' or userPrincipalName eq 'o''brien@council.example'", filters[1]);
    }

    [Fact]
    public async Task CreateMeetingEventAsync_PostsSubjectTimesLocationAttendees_ReturnsTheId()
    {
        await using var graph = await FakeGraph.StartAsync();
        var request = new MeetingEventRequest(
            "clerk@council.example",
            "Corporate Parenting Panel: Children in Care Pledge 2027",
            new DateTimeOffset(2027, 1, 12, 18, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2027, 1, 12, 20, 0, 0, TimeSpan.Zero),
            "Committee Room 2, Northbridge Town Hall",
            [new MeetingAttendee("cllr.anne.hughes@council.example", "Cllr Anne Hughes"), new MeetingAttendee("lead@council.example")],
            TransactionId: "cycle-42/meeting-1");

        var id = await graph.Directory.CreateMeetingEventAsync(request);

        Assert.Equal("AAMkAGI2-event-1", id);
        var post = Assert.Single(graph.Server.Requests);
        Assert.Equal("POST", post.Method);
        using var body = JsonDocument.Parse(post.Body);
        var root = body.RootElement;
        Assert.Equal(request.Subject, Get(root, "subject").GetString());
        Assert.Equal("2027-01-12T18:00:00", Get(Get(root, "start"), "dateTime").GetString());
        Assert.Equal("UTC", Get(Get(root, "start"), "timeZone").GetString());
        Assert.Equal("2027-01-12T20:00:00", Get(Get(root, "end"), "dateTime").GetString());
        Assert.Equal("Committee Room 2, Northbridge Town Hall", Get(Get(root, "location"), "displayName").GetString());
        Assert.Equal("cycle-42/meeting-1", Get(root, "transactionId").GetString());
        var attendees = Get(root, "attendees").EnumerateArray().ToArray();
        Assert.Equal(["cllr.anne.hughes@council.example", "lead@council.example"], attendees.Select(a => Get(Get(a, "emailAddress"), "address").GetString()));
        Assert.Equal("Cllr Anne Hughes", Get(Get(attendees[0], "emailAddress"), "name").GetString());
        Assert.Equal("required", Get(attendees[0], "type").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task CreateMeetingEventAsync_Forbidden_ThrowsWithPermissionHint()
    {
        await using var graph = await FakeGraph.StartAsync();
        var request = new MeetingEventRequest("someone@council.example", "Panel", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), null, []);

        var ex = await Assert.ThrowsAsync<DirectoryException>(() => graph.Directory.CreateMeetingEventAsync(request));

        Assert.Contains("403", ex.Message);
        Assert.Contains("Calendars.ReadWrite", ex.Message);
    }

    /// <summary>The SDK may write keys in another case: read them case-insensitively.</summary>
    private static JsonElement Get(JsonElement element, string name)
        => element.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
