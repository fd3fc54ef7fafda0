using ReviewWorkflow.Web.Development;

namespace ReviewWorkflow.App.Development;

/// <summary>The <c>/dev/clock</c> page's view of the <see cref="ControllableClock"/>: the same instance the app's
/// <see cref="TimeProvider"/> is, so what the page moves is what every component reads.</summary>
internal sealed class ControllableDevelopmentClock(ControllableClock clock) : IDevelopmentClock
{
    public bool Enabled => true;

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<bool> MoveToAsync(DateTimeOffset instant, CancellationToken cancellationToken = default) =>
        Task.FromResult(clock.TryJumpTo(instant));
}
