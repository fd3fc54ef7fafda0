using System.Collections.Concurrent;

namespace ReviewWorkflow.Durable.Execution;

/// <summary>
/// Runs orchestrator continuations one at a time on the replaying thread, in the order they were posted, so an
/// orchestrator behaves identically on every replay.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _queue = new();

    public override void Post(SendOrPostCallback d, object? state) => _queue.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Orchestrator code must not block on the orchestration thread.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs queued continuations until none are left.</summary>
    public void Pump()
    {
        while (_queue.TryDequeue(out var item))
        {
            item.Callback(item.State);
        }
    }
}
