using Azure.Core;
using Azure.Core.Pipeline;

namespace ReviewWorkflow.Bench;

/// <summary>Counts storage requests (every attempt) at the HTTP pipeline.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
