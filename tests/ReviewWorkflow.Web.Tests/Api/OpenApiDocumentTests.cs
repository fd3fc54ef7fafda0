using System.Net;
using System.Text.Json.Nodes;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary><c>/openapi/v1.json</c>: every /api route with its request and response schemas, for anyone.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class OpenApiDocumentTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task The_document_lists_every_api_route_with_request_and_response_schemas()
    {
        using var response = await fixture.Anonymous.GetAsync("/openapi/v1.json");
        var document = await response.JsonAsync(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject();

        Assert.Equal(
            ["/api/cycles", "/api/cycles/{id}", "/api/cycles/{id}/audit", "/api/cycles/{id}/audit/verify", "/api/cycles/{id}/consultation/close",
             "/api/cycles/{id}/consultation/extend", "/api/cycles/{id}/decisions", "/api/cycles/{id}/drafts", "/api/outbox"],
            paths.Select(p => p.Key).Order(StringComparer.Ordinal));

        foreach (var (path, method, schema) in new[]
                 {
                     ("/api/cycles", "post", "StartCycleRequest"),
                     ("/api/cycles/{id}/consultation/extend", "post", "ExtendConsultationRequest"),
                     ("/api/cycles/{id}/drafts", "post", "DraftRequest"),
                     ("/api/cycles/{id}/decisions", "post", "DecisionRequest"),
                 })
        {
            var operation = paths[path]![method]!;
            Assert.Equal($"#/components/schemas/{schema}", operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
            Assert.Contains(operation["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key" && p["in"]!.GetValue<string>() == "header");
            Assert.NotNull(operation["responses"]!["400"]);
            Assert.NotNull(operation["responses"]![path == "/api/cycles" ? "201" : "202"]!["content"]!["application/json"]);
        }

        Assert.NotNull(paths["/api/cycles/{id}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]);
        Assert.NotNull(paths["/api/cycles/{id}/audit/verify"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]);
        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.Contains("ApiCycle", schemas.Select(s => s.Key));
        var text = document.ToJsonString();
        foreach (var value in new[] { "\"refer-back\"", "\"young-people\"", "\"ratification\"" })
        {
            Assert.Contains(value, text, StringComparison.Ordinal); // enums are documented in kebab-case
        }
    }
}
