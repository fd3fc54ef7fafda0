using Azure.Core;
using Azure.Core.Pipeline;

namespace ReviewWorkflow.Storage.Tests.Support;

/// <summary>Counts the HTTP attempts that leave the client (added per retry, like the benchmark's counter).</summary>
internal sealed class CountingPolicy : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
