using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using ReviewWorkflow.Directory.Graph;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Directory.Tests.Graph;

/// <summary>
/// A fake Microsoft Graph v1.0 on 127.0.0.1, driven by the real Graph SDK. Group "g-consultees" has five users on
/// three pages (absolute @odata.nextLink back to this server, as Graph sends them), one of them without mail.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    public const string GroupId = "g-consultees";

    private readonly HttpClient _http = new();

    private FakeGraph(LocalHttpServer server)
    {
        Server = server;
        Client = new GraphServiceClient(_http, new AnonymousAuthenticationProvider(), new Uri(server.BaseAddress, "v1.0").ToString());
        Directory = new GraphDirectory(Client, NullLogger<GraphDirectory>.Instance);
    }

    public LocalHttpServer Server { get; }

    public GraphServiceClient Client { get; }

    public GraphDirectory Directory { get; }

    public static async Task<FakeGraph> StartAsync() => new(await LocalHttpServer.StartAsync(RespondAsync));

    public static IReadOnlyDictionary<string, string> Query(RecordedRequest request)
        => QueryHelpers.ParseQuery(request.Query).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    private static Task RespondAsync(RecordedRequest request, int number, HttpResponse response)
    {
        var self = $"http://{request.Header("Host")}";
        var path = request.Path;
        var query = Query(request);
        var membersPath = $"/v1.0/groups/{GroupId}/transitiveMembers/";
        if (request.Method == "GET" && (path == membersPath + "graph.user" || path == membersPath + "microsoft.graph.user"))
        {
            var next = $"{self}{path}?$select=id,displayName,mail,userPrincipalName&$top=999&$skiptoken=";
            return query.GetValueOrDefault("$skiptoken") switch
            {
                null => Json(response, 200, Page(next + "page2",
                    User("u1", "Priya Shah", "lead@council.example"),
                    User("u2", "Kai T", null))),
                "page2" => Json(response, 200, Page(next + "page3",
                    User("u3", "Sam Okafor", "sam.okafor@carers.example"),
                    User("u4", "Dr Helen Marsh", "helen.marsh@health.example"))),
                "page3" => Json(response, 200, Page(null,
                    User("u5", "DS Mark Fielding", "mark.fielding@police.example"),
                    User("u1", "Priya Shah", "lead@council.example"))),
                _ => Json(response, 400, Error("BadRequest", "unknown skiptoken")),
            };
        }

        if (request.Method == "GET" && path.StartsWith("/v1.0/groups/", StringComparison.Ordinal))
        {
            return Json(response, 404, Error("Request_ResourceNotFound", "Resource 'g-missing' does not exist or one of its queried reference-property objects are not present."));
        }

        if (request.Method == "GET" && path == "/v1.0/users")
        {
            var filter = query.GetValueOrDefault("$filter") ?? "";
            var found = filter.Contains("'helen.marsh@health.example'", StringComparison.OrdinalIgnoreCase)
                ? new[] { User("u4", "Dr Helen Marsh", "helen.marsh@health.example") }
                : [];
            return Json(response, 200, Page(null, found));
        }

        if (request.Method == "POST" && path == "/v1.0/users/clerk@council.example/events")
        {
            var created = JsonNode.Parse(request.Body)!.AsObject();
            created["id"] = "AAMkAGI2-event-1";
            return Json(response, 201, created);
        }

        if (request.Method == "POST" && path.StartsWith("/v1.0/users/", StringComparison.Ordinal))
        {
            return Json(response, 403, Error("ErrorAccessDenied", "Access is denied. Check credentials and try again."));
        }

        return Json(response, 404, Error("UnknownFakeRoute", $"{request.Method} {path}"));
    }

    private static JsonObject User(string id, string name, string? mail) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = id,
        ["displayName"] = name,
        ["mail"] = mail,
        ["userPrincipalName"] = $"{id}@tenant.onmicrosoft.example",
    };

    private static JsonObject Page(string? nextLink, params JsonObject[] users)
    {
        var page = new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail,userPrincipalName)",
            ["value"] = new JsonArray([.. users]),
        };
        if (nextLink is not null)
        {
            page["@odata.nextLink"] = nextLink;
        }

        return page;
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static async Task Json(HttpResponse response, int status, JsonNode body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _http.Dispose();
    }
}
