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

        if (path.Contains("History", StringComparison.Ordinal))
        {
            return $"table history {method}";
        }

        if (path.Contains("Instances", StringComparison.Ordinal))
        {
            return $"table instances {method}";
        }

        if (path.Contains("Partitions", StringComparison.Ordinal))
        {
            return $"table partitions {method}";
        }

        return $"other {method}";
    }
}
