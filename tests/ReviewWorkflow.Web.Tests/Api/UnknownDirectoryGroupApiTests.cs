using System.Net;
using System.Text.Json.Nodes;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary>A directory group that resolves to no one is refused at start, not run as an empty consultation (issue 17, point 4).</summary>
[Collection(ApiHostGroup.Name)]
public sealed class UnknownDirectoryGroupApiTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task A_directory_group_the_directory_does_not_know_is_a_400_naming_the_group_and_starts_nothing()
    {
        var id = "unknown-group-" + Guid.NewGuid().ToString("N")[..8];
        var body = ApiCycleJson.Start().With(j =>
        {
            j["id"] = id;
            j["consultation"]!["groups"]!.AsArray().Add(new JsonObject
            {
                ["name"] = "Partners",
                ["audience"] = "partners",
                ["directoryGroupId"] = "no-such-group",
                ["members"] = new JsonArray(),
            });
        });

        using var response = await fixture.Lead.PostJsonAsync("/api/cycles", body, ApiCalls.NewKey());

        var message = await response.ProblemAsync(HttpStatusCode.BadRequest, "consultation.groups[2].directoryGroupId");
        Assert.Contains("no-such-group", message, StringComparison.Ordinal);
        Assert.Contains("Partners", message, StringComparison.Ordinal);
        Assert.Empty(await fixture.App.Audit.ReadAllAsync(id));
    }
}
