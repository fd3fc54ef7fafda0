using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewWorkflow.Workflow.Tests.Calendar;

/// <summary>
/// Microsoft Graph's calendar endpoints as an <see cref="HttpMessageHandler"/>: records every request (method, unescaped
/// path, JSON body) and answers as Graph does: POST /users/{id}/events → 201 with a new id (the same id again for a
/// repeated <c>transactionId</c>, Graph's guard against a retried create), PATCH /users/{id}/events/{event} → 200,
/// POST /users/{id}/events/{event}/cancel → 202.
/// </summary>
internal sealed class FakeGraph : HttpMessageHandler
{
    private readonly ConcurrentQueue<(string Method, string Path, JsonObject? Body)> _requests = new();
    private readonly ConcurrentDictionary<string, string> _byTransaction = new(StringComparer.Ordinal);
    private int _ids;

    public IReadOnlyList<(string Method, string Path, JsonObject? Body)> Requests => [.. _requests];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath);
        var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        _requests.Enqueue((request.Method.Method, path, body));
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method == HttpMethod.Post && segments is [_, "users", _, "events"])
        {
            var transaction = body?["transactionId"]?.GetValue<string>() ?? Guid.NewGuid().ToString();
            var id = _byTransaction.GetOrAdd(transaction, _ => "evt-" + Interlocked.Increment(ref _ids));
            return Json(HttpStatusCode.Created, new JsonObject { ["id"] = id, ["subject"] = body?["subject"]?.GetValue<string>() });
        }

        if (request.Method == HttpMethod.Patch && segments is [_, "users", _, "events", var patched])
        {
            return Json(HttpStatusCode.OK, new JsonObject { ["id"] = patched });
        }

        if (request.Method == HttpMethod.Post && segments is [_, "users", _, "events", _, "cancel"])
        {
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        }

        return Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = new JsonObject { ["code"] = "ResourceNotFound", ["message"] = path } });
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) => new(status)
    {
        Content = new StringContent(body.ToJsonString(JsonSerializerOptions.Default), Encoding.UTF8, "application/json"),
    };
}
