using System.Collections.Concurrent;

namespace ReviewWorkflow.Notifications.Tests.Infrastructure;

/// <summary>A clock that stands still until told, and whose timers fire at once while recording what they were asked to wait.</summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private long _ticks;

    public RecordingTimeProvider(DateTimeOffset now) => _ticks = now.UtcTicks;

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Delays.Enqueue(dueTime);
        Advance(dueTime);
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose() { }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
