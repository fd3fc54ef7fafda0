namespace ReviewWorkflow.Web.Development;

/// <summary>
/// The app's clock as the Development-only <c>/dev/clock</c> page sees it. The web project cannot see the app's
/// controllable clock, so the app registers an implementation of this only when that clock is on (Development and
/// <c>Development:ControllableClock=true</c>); with none registered the page is 404.
/// </summary>
public interface IDevelopmentClock
{
    /// <summary>True when the clock can be moved (the page shows itself only then).</summary>
    bool Enabled { get; }

    /// <summary>The app's current instant: the same clock every other component reads.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Moves the clock forward to <paramref name="instant"/> (it keeps running from there). False, and nothing
    /// changes, when <paramref name="instant"/> is before <see cref="Now"/>: the clock never goes back.</summary>
    Task<bool> MoveToAsync(DateTimeOffset instant, CancellationToken cancellationToken = default);
}
