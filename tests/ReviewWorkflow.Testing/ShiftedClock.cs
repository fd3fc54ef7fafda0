namespace ReviewWorkflow.Testing;

/// <summary>
/// A clock that starts at a fixed instant and then runs at real speed, and that a test can move forward (the
/// council's "today" jumps to a meeting day). Only the wall-clock time is shifted: timers and timestamps stay real,
/// so the dispatcher's polling and queue visibility work as in production.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _startedAt = System.GetTimestamp();
    private long _jumpedTicks;

    public override DateTimeOffset GetUtcNow() =>
        start + System.GetElapsedTime(_startedAt) + TimeSpan.FromTicks(Interlocked.Read(ref _jumpedTicks));

    /// <summary>Moves the clock forward to <paramref name="instant"/> (it keeps running from there).</summary>
    public void JumpTo(DateTimeOffset instant)
    {
        var delta = instant - GetUtcNow();
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero, nameof(instant));
        Interlocked.Add(ref _jumpedTicks, delta.Ticks);
    }
}
