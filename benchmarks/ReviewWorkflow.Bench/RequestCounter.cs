using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ReviewWorkflow.Bench;

/// <summary>Counts storage requests (every attempt) at the HTTP pipeline, in total and by kind.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public ConcurrentDictionary<string, long> ByKind { get; } = new(StringComparer.Ordinal);

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _count);
        ByKind.AddOrUpdate(Kind(message.Request), 1, (_, n) => n + 1);
    }

    private static string Kind(Request request)
    {
        var path = request.Uri.Path;
        var method = request.Method.ToString();
        if (path.EndsWith("$batch", StringComparison.Ordinal))
        {
            return "table transaction";
        }

        if (path.Contains("/messages", StringComparison.Ordinal))
        {
            var queue = path.Contains("-control", StringComparison.Ordinal) ? "control" : "workitems";
            return $"queue {queue} {method}";
        }

        var table = path.Contains("Index", StringComparison.Ordinal) ? "index" : "instances";
        return $"table {table} {method}";
    }
}
