using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewWorkflow.Storage.Queues;

namespace ReviewWorkflow.App.Tests.Infrastructure;

/// <summary>
/// Builds invocation requests exactly as the Azure Functions host sends them to a custom handler. The host
/// (azure-functions-host, DefaultHttpWorkerService / ScriptInvocationContextExtensions) serialises each metadata
/// value with Json.NET — objects stay objects, scalars become JSON text inside a string ("DequeueCount": "1",
/// "Id": "\"…\"") — and, for a queue trigger declared <c>"dataType": "binary"</c>, sends the message bytes as Base64.
/// <c>documented: true</c> gives the shape the docs show instead (plain numbers and strings).
/// </summary>
public static class HostProtocol
{
    /// <summary>The host's invocation for a queue message it received (and Base64-decoded per host.json messageEncoding).</summary>
    public static JsonObject QueueInvocation(QueueMessage message, string functionName, bool documented = false) => new()
    {
        ["Data"] = new JsonObject { ["msg"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(message.MessageText)) },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = Scalar(documented, message.DequeueCount),
            ["ExpirationTime"] = Scalar(documented, "9999-12-31T23:59:59+00:00"),
            ["Id"] = Scalar(documented, message.MessageId),
            ["InsertionTime"] = Scalar(documented, (message.InsertedOn ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture)),
            ["NextVisibleTime"] = Scalar(documented, (message.NextVisibleOn ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture)),
            ["PopReceipt"] = Scalar(documented, message.PopReceipt),
            ["sys"] = Sys(functionName),
        },
    };

    /// <summary>The host's invocation for a timer tick.</summary>
    public static JsonObject TimerInvocation(bool isPastDue = false) => new()
    {
        ["Data"] = new JsonObject
        {
            ["timer"] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = new JsonObject
                {
                    ["Last"] = "2026-11-22T10:00:00+00:00",
                    ["Next"] = "2026-11-22T10:05:00+00:00",
                    ["LastUpdated"] = "2026-11-22T10:00:00+00:00",
                },
                ["IsPastDue"] = isPastDue,
            },
        },
        ["Metadata"] = new JsonObject { ["sys"] = Sys("Sweep") },
    };

    /// <summary>POSTs like the host: JSON body plus the host's headers.</summary>
    public static async Task<HttpResponseMessage> InvokeAsync(HttpClient client, string functionName, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + functionName) { Content = JsonContent.Create(body) };
        AddHostHeaders(request);
        return await client.SendAsync(request);
    }

    public static void AddHostHeaders(HttpRequestMessage request)
    {
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1045.200");
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.UserAgent.ParseAdd("azure-functions-host/4.1045.200");
    }

    private static JsonObject Sys(string functionName) => new JsonObject
    {
        ["MethodName"] = functionName,
        ["UtcNow"] = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };

    private static JsonValue? Scalar<T>(bool documented, T value) =>
        documented ? JsonValue.Create(value) : JsonValue.Create(JsonSerializer.Serialize(value));
}
