using System.Diagnostics;

namespace ReviewWorkflow.Workflow.Caching;

/// <summary>
/// One read shared by every caller for <paramref name="freshness"/> (real time): callers arriving while it runs wait for
/// it, and a failed read is not kept. For a query that is costly on the store and whose answer may be a few seconds old.
/// </summary>
internal sealed class SharedRead<T>(TimeSpan freshness, Func<Task<T>> read)
{
    private readonly Lock _gate = new();
    private (long StartedAt, Task<T> Read)? _held;

    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        Task<T> current;
        lock (_gate)
        {
            if (_held is not { } held || held.Read.IsFaulted || held.Read.IsCanceled
                || (held.Read.IsCompleted && Stopwatch.GetElapsedTime(held.StartedAt) >= freshness))
            {
                _held = held = (Stopwatch.GetTimestamp(), read());
            }

            current = held.Read;
        }

        return current.WaitAsync(cancellationToken);
    }
}
