/// <summary>Real time moved to <c>start</c> when created: the bench's cycle opens that day at 07:00, before the 09:00
/// send time, so no consultation email is sent while the pages are timed.</summary>
internal sealed class OffsetClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
