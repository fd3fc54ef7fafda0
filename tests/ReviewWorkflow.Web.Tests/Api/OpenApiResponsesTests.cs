using System.Net;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary>The OpenAPI document describes the responses route (JSON page and CSV, the filters, problem details) and
/// the themes in the cycle resource.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class OpenApiResponsesTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task The_document_describes_the_responses_route_and_the_cycles_themes()
    {
        using var response = await fixture.Anonymous.GetAsync("/openapi/v1.json");
        var document = await response.JsonAsync(HttpStatusCode.OK);

        var get = document["paths"]!["/api/cycles/{id}/responses"]!["get"]!;
        var ok = get["responses"]!["200"]!["content"]!;
        Assert.Equal("#/components/schemas/ApiResponsesPage", ok["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(ok["text/csv"]);
        Assert.NotNull(get["responses"]!["400"]);
        Assert.NotNull(get["responses"]!["403"]);
        var parameters = get["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Empty(new[] { "group", "audience", "pledge", "view", "theme", "q", "page", "format" }.Except(parameters));
        var schemas = document["components"]!["schemas"]!;
        Assert.NotNull(schemas["ApiCycle"]!["properties"]!["themes"]);
        Assert.NotNull(schemas["ApiTheme"]!["properties"]!["tags"]);
        Assert.NotNull(schemas["YouSaidWeDidRequest"]!["properties"]!["themeId"]);
    }
}
