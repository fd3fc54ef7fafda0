using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using ReviewWorkflow.Directory.Graph;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Directory.Tests.Graph;

/// <summary>
/// A scripted Microsoft Graph v1.0 on 127.0.0.1, driven by the real Graph SDK built as production builds it
/// (<see cref="DirectoryGraphClientFactory"/>: Azure Identity authentication, Graph.Core's default middleware).
/// Group "g-consultees" has six users on three pages (absolute @odata.nextLink back to this server, as Graph sends
/// them): one without mail, one guest, one listed twice. "g-throttled" answers 429 with Retry-After once per page;
/// "g-always-throttled" always does; "g-deleted" is gone (404) and "g-deleted-midway" goes after its first page.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    public const string GroupId = "g-consultees";
    public const string ThrottledGroupId = "g-throttled";
    public const string AlwaysThrottledGroupId = "g-always-throttled";
    public const string DeletedMidwayGroupId = "g-deleted-midway";
    public const string AccessToken = "token-for-the-fake-graph";

    /// <summary>The Retry-After the throttled group asks for, in seconds.</summary>
    public const int RetryAfterSeconds = 1;

    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);

    private FakeGraph() { }

    public LocalHttpServer Server { get; private set; } = null!;

    public GraphServiceClient Client { get; private set; } = null!;

    public GraphDirectory Directory { get; private set; } = null!;

    /// <summary>When each request arrived (in order), to see the retry handler wait.</summary>
    public ConcurrentQueue<DateTimeOffset> Arrivals { get; } = new();

    public static async Task<FakeGraph> StartAsync()
    {
        var graph = new FakeGraph();
        graph.Server = await LocalHttpServer.StartAsync(graph.RespondAsync);
        graph.Client = DirectoryGraphClientFactory.Create(new Uri(graph.Server.BaseAddress, "v1.0"), new StaticTokenCredential());
        graph.Directory = new GraphDirectory(graph.Client, NullLogger<GraphDirectory>.Instance);
        return graph;
    }

    public static IReadOnlyDictionary<string, string> Query(RecordedRequest request)
        => QueryHelpers.ParseQuery(request.Query).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    private Task RespondAsync(RecordedRequest request, int number, HttpResponse response)
    {
        Arrivals.Enqueue(DateTimeOffset.UtcNow);
        if (request.Header("Authorization") != "Bearer " + AccessToken)
        {
            return Json(response, 401, Error("InvalidAuthenticationToken", "Access token is empty."));
        }

        var self = $"http://{request.Header("Host")}";
        var path = request.Path;
        var query = Query(request);
        var skipToken = query.GetValueOrDefault("$skiptoken");
        if (request.Method == "GET" && MembersOf(path) is { } group)
        {
            var next = $"{self}{path}?$select=id,displayName,mail,userPrincipalName&$top=999&$skiptoken=";
            var hit = _hits.AddOrUpdate($"{group}|{skipToken}", 1, (_, n) => n + 1);
            return (group, skipToken) switch
            {
                (GroupId, null) => Json(response, 200, Page(next + "page2",
                    User("u1", "Priya Shah", "lead@council.example"),
                    User("u2", "Kai T", null))),
                (GroupId, "page2") => Json(response, 200, Page(next + "page3",
                    User("u3", "Sam Okafor", "sam.okafor@carers.example"),
                    Guest("u6", "Jo Rivers", "jo.rivers@charity.example"),
                    User("u4", "Dr Helen Marsh", "helen.marsh@health.example"))),
                (GroupId, "page3") => Json(response, 200, Page(null,
                    User("u5", "DS Mark Fielding", "mark.fielding@police.example"),
                    User("u1", "Priya Shah", "lead@council.example"))),
                (ThrottledGroupId, _) when hit == 1 => Throttled(response, RetryAfterSeconds),
                (ThrottledGroupId, null) => Json(response, 200, Page(next + "page2", User("t1", "Aisha K", "aisha.k@voices.council.example"))),
                (ThrottledGroupId, "page2") => Json(response, 200, Page(null, User("t2", "Jordan M", "jordan.m@voices.council.example"))),
                (AlwaysThrottledGroupId, _) => Throttled(response, 0),
                (DeletedMidwayGroupId, null) => Json(response, 200, Page(next + "page2", User("d1", "Lily R", "lily.r@voices.council.example"))),
                _ => Json(response, 404, Error("Request_ResourceNotFound", $"Resource '{group}' does not exist or one of its queried reference-property objects are not present.")),
            };
        }

        if (request.Method == "GET" && path == "/v1.0/groups")
        {
            var next = $"{self}{path}?$select=id,displayName&$skiptoken=";
            return skipToken is null
                ? Json(response, 200, Groups(next + "groups2", ("g-consultees", "Consultees"), ("g-partners", "Partners")))
                : Json(response, 200, Groups(null, ("g-staff", "Children's services staff")));
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

    /// <summary>The group id of <c>/v1.0/groups/{id}/transitiveMembers/graph.user</c> (or <c>microsoft.graph.user</c>), else null.</summary>
    private static string? MembersOf(string path)
    {
        const string prefix = "/v1.0/groups/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = path[prefix.Length..].Split('/');
        return parts.Length == 3 && parts[1] == "transitiveMembers" && parts[2] is "graph.user" or "microsoft.graph.user" ? parts[0] : null;
    }

    private static JsonObject User(string id, string name, string? mail) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = id,
        ["displayName"] = name,
        ["mail"] = mail,
        ["userPrincipalName"] = $"{id}@tenant.onmicrosoft.example",
    };

    /// <summary>A B2B guest: a sign-in name that is not a mailbox, and their real address in <c>mail</c>.</summary>
    private static JsonObject Guest(string id, string name, string mail) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = id,
        ["displayName"] = name,
        ["mail"] = mail,
        ["userPrincipalName"] = mail.Replace('@', '_') + "#EXT#@tenant.onmicrosoft.example",
        ["userType"] = "Guest",
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

    private static JsonObject Groups(string? nextLink, params (string Id, string Name)[] groups)
    {
        var page = new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName)",
            ["value"] = new JsonArray([.. groups.Select(g => new JsonObject { ["id"] = g.Id, ["displayName"] = g.Name })]),
        };
        if (nextLink is not null)
        {
            page["@odata.nextLink"] = nextLink;
        }

        return page;
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static Task Throttled(HttpResponse response, int retryAfterSeconds)
    {
        response.Headers["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Json(response, 429, Error("TooManyRequests", "Too many requests, please retry later."));
    }

    private static async Task Json(HttpResponse response, int status, JsonNode body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Stands in for ClientSecretCredential/ManagedIdentityCredential: always the same token.</summary>
    private sealed class StaticTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => new(AccessToken, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
