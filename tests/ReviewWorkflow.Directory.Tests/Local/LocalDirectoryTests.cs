using ReviewWorkflow.Directory.Local;

namespace ReviewWorkflow.Directory.Tests.Local;

public sealed class LocalDirectoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rw-directory-tests-" + Guid.NewGuid().ToString("N"));

    public LocalDirectoryTests() => System.IO.Directory.CreateDirectory(_folder);

    private string WriteFile(string json)
    {
        var path = Path.Combine(_folder, "directory.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Demo_LoadsTheFictionalCouncil()
    {
        var directory = new LocalDirectory(null);

        var groups = await directory.GetGroupsAsync();
        Assert.Contains(groups, g => g.DisplayName == "Children in Care Council");
        Assert.Contains(groups, g => g.DisplayName == "Foster carers");
        Assert.Contains(groups, g => g.DisplayName == "Partners");
        Assert.Contains(groups, g => g.DisplayName == "Children's services staff");

        var young = await directory.GetGroupMembersAsync("children-in-care-council");
        Assert.InRange(young.Count, 4, 6);
        Assert.InRange((await directory.GetGroupMembersAsync("foster-carers")).Count, 4, 6);
        var partners = await directory.GetGroupMembersAsync("partners");
        Assert.Contains(partners, p => p.Email.EndsWith("@health.example", StringComparison.Ordinal));
        Assert.Contains(partners, p => p.Email.EndsWith("@police.example", StringComparison.Ordinal));

        Assert.True((await directory.FindPersonAsync("LEAD@council.example"))?.HasRole("lead"));
        Assert.True((await directory.FindPersonAsync("clerk@council.example"))?.HasRole("clerk"));
        Assert.True((await directory.FindPersonAsync("admin@council.example"))?.HasRole("admin"));

        // Fictional data only: every address is on a reserved .example domain.
        Assert.All(await directory.GetPeopleAsync(), p => Assert.EndsWith(".example", p.Email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetGroupMembersAsync_NestedGroup_IsTransitiveAndEachPersonOnce()
    {
        var directory = new LocalDirectory(null);

        var members = await directory.GetGroupMembersAsync("task-and-finish-group");

        Assert.Contains(members, p => p.Email == "helen.marsh@health.example");
        Assert.Contains(members, p => p.Email == "ravi.patel@council.example");
        Assert.Equal(members.Count, members.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public async Task GetGroupMembersAsync_UnknownGroup_NamesTheGroupAndTheKnownOnes()
    {
        var ex = await Assert.ThrowsAsync<DirectoryGroupNotFoundException>(() => new LocalDirectory(null).GetGroupMembersAsync("chess-club"));

        Assert.Equal("chess-club", ex.GroupId);
        Assert.Contains("'chess-club'", ex.Message);
        Assert.Contains("foster-carers", ex.Message);
    }

    [Fact]
    public async Task MalformedJson_ErrorNamesTheFileAndTheLine()
    {
        var path = WriteFile("{\n  \"people\": [\n    { \"id\": \"a\", \"displayName\": \"A\", \"email\": \"a@council.example\" \n  ],\n  \"groups\": []\n}");

        var ex = await Assert.ThrowsAsync<DirectoryFileException>(() => new LocalDirectory(path).FindPersonAsync("a@council.example"));

        Assert.Contains(path, ex.Message);
        Assert.Contains("line 4", ex.Message);
    }

    [Fact]
    public async Task InconsistentFile_ErrorListsEveryProblem()
    {
        var path = WriteFile("""
            {
              "people": [
                { "id": "a", "displayName": "A", "email": "not-an-email" },
                { "id": "b", "displayName": "B", "email": "b@council.example" },
                { "id": "b", "displayName": "B again", "email": "b2@council.example" }
              ],
              "groups": [
                { "id": "g", "displayName": "G", "members": ["ghost@council.example"], "memberGroups": ["nowhere"] }
              ]
            }
            """);

        var ex = await Assert.ThrowsAsync<DirectoryFileException>(() => new LocalDirectory(path).GetGroupMembersAsync("g"));

        Assert.Contains(path, ex.Message);
        Assert.Contains("invalid email 'not-an-email'", ex.Message);
        Assert.Contains("id 'b' is used twice", ex.Message);
        Assert.Contains("'ghost@council.example', who is not in \"people\"", ex.Message);
        Assert.Contains("member group 'nowhere'", ex.Message);
    }

    [Fact]
    public async Task MisspelledKey_IsReportedNotIgnored()
    {
        var path = WriteFile("""{ "people": [], "groups": [ { "id": "g", "displayName": "G", "membres": [] } ] }""");

        var ex = await Assert.ThrowsAsync<DirectoryFileException>(() => new LocalDirectory(path).GetGroupMembersAsync("g"));

        Assert.Contains("membres", ex.Message);
    }

    [Fact]
    public async Task MissingFile_ErrorNamesTheFileAndTheSetting()
    {
        var path = Path.Combine(_folder, "nope.json");

        var ex = await Assert.ThrowsAsync<DirectoryFileException>(() => new LocalDirectory(path).FindPersonAsync("a@council.example"));

        Assert.Contains(path, ex.Message);
        Assert.Contains("Directory:LocalDirectoryPath", ex.Message);
    }

    [Fact]
    public async Task FixedFile_IsReadAgainWithoutRestart()
    {
        var path = WriteFile("{ not json");
        var directory = new LocalDirectory(path);
        await Assert.ThrowsAsync<DirectoryFileException>(() => directory.FindPersonAsync("a@council.example"));

        WriteFile("""{ "people": [ { "id": "a", "displayName": "A", "email": "a@council.example" } ], "groups": [] }""");

        Assert.Equal("a", (await directory.FindPersonAsync("a@council.example"))?.Id);
    }

    [Fact]
    public async Task CreateMeetingEventAsync_SameTransactionId_ReturnsTheSameEvent()
    {
        var directory = new LocalDirectory(null);
        var request = new MeetingEventRequest("clerk@council.example", "Corporate Parenting Panel", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(2),
            "Committee Room 2", [new MeetingAttendee("cllr.anne.hughes@council.example")], TransactionId: "t-1");

        var first = await directory.CreateMeetingEventAsync(request);
        var second = await directory.CreateMeetingEventAsync(request);

        Assert.Equal(first, second);
        Assert.Single(directory.CreatedEvents);
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);
}
