using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Engine;

/// <summary>
/// In-process nudge: when this process enqueues work, its own dispatcher wakes at once instead of waiting for the
/// next poll. Purely a latency optimisation; queues remain the source of truth.
/// </summary>
public sealed class DurableWorkSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _orchestrations = New();
    private TaskCompletionSource _activities = New();

    public void Notify(WorkItemKind kind)
    {
        TaskCompletionSource tcs;
        lock (_gate)
        {
            if (kind == WorkItemKind.Orchestration)
            {
                tcs = _orchestrations;
                _orchestrations = New();
            }
            else
            {
                tcs = _activities;
                _activities = New();
            }
        }

        tcs.TrySetResult();
    }

    /// <summary>Completes when <see cref="Notify"/> is called for <paramref name="kind"/>, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(WorkItemKind kind, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        Task signalled;
        lock (_gate)
        {
            signalled = kind == WorkItemKind.Orchestration ? _orchestrations.Task : _activities.Task;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, cts.Token);
        await Task.WhenAny(signalled, delay).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
