namespace ReviewWorkflow.Durable.Testing;

/// <summary>
/// A clock for tests that only moves when told to. Timers created through it (e.g. by
/// <c>Task.Delay(delay, timeProvider)</c>) fire, in due order, when the clock is advanced past their due time.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;

    /// <summary>Starts at 2026-01-05 09:00 UTC (a Monday) unless told otherwise.</summary>
    public FakeTimeProvider(DateTimeOffset? start = null)
        => _now = start ?? new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward and fires every timer that falls due, in order.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + delta);
    }

    /// <summary>Moves the clock to <paramref name="value"/> (never backwards) and fires due timers.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        while (true)
        {
            FakeTimer? due;
            lock (_gate)
            {
                if (value < _now)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "The fake clock never goes backwards.");
                }

                due = _timers.Where(t => t.DueAt <= value).OrderBy(t => t.DueAt).ThenBy(t => t.Order).FirstOrDefault();
                if (due is null)
                {
                    _now = value;
                    return;
                }

                if (due.DueAt > _now)
                {
                    _now = due.DueAt;
                }

                due.Reschedule();
            }

            due.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private long _order;

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; }

        public long Order { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                DueAt = owner._now + dueTime;
                Order = ++owner._order;
                owner._timers.Add(this);
                return true;
            }
        }

        /// <summary>Called under the owner's lock when the timer fires.</summary>
        public void Reschedule()
        {
            owner._timers.Remove(this);
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                DueAt += _period;
                Order = ++owner._order;
                owner._timers.Add(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
