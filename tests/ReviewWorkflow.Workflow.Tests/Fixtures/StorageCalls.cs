using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ReviewWorkflow.Workflow.Tests.Fixtures;

/// <summary>The requests a client sent to storage, as "METHOD" (retries included).</summary>
internal sealed class StorageCalls : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<string> All => [.. _calls];

    public void Clear() => _calls.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _calls.Enqueue(message.Request.Method.Method);
    }
}
