using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary>Sending API requests and reading their answers (JSON, or problem details naming a field).</summary>
internal static class ApiCalls
{
    public static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>POSTs <paramref name="body"/> as JSON (no body when null) with the Idempotency-Key (none when null).</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode? body, string? idempotencyKey) =>
        client.PostRawAsync(url, body?.ToJsonString(), "application/json", idempotencyKey);

    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string? content, string contentType, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (content is not null)
        {
            request.Content = new StringContent(content, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonArray> JsonArrayAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected OK, got {response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    /// <summary>Asserts an RFC 7807 problem with <paramref name="status"/> whose <c>errors</c> name <paramref name="field"/>
    /// (when given), and returns that field's first message.</summary>
    public static async Task<string> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), text);
        if (field is null)
        {
            return text;
        }

        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"Expected the problem to name '{field}': {text}");
        var message = errors[field]![0]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message;
    }

    public static JsonObject With(this JsonObject json, Action<JsonObject> change)
    {
        change(json);
        return json;
    }
}
