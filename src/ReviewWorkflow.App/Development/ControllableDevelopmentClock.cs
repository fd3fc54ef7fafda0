using ReviewWorkflow.DurableTask.WakeUps;
using ReviewWorkflow.Web.Development;

namespace ReviewWorkflow.App.Development;

/// <summary>The <c>/dev/clock</c> page's view of the <see cref="ControllableClock"/>: the same instance the app's
/// <see cref="TimeProvider"/> is, so what the page moves is what every component reads. After a jump it asks the wake-up
/// sweep to run at once (<paramref name="sweeper"/>: null when this process runs no worker), so everything due by the new
/// time happens now.</summary>
internal sealed class ControllableDevelopmentClock(ControllableClock clock, WakeUpSweeper? sweeper) : IDevelopmentClock
{
    public bool Enabled => true;

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<bool> MoveToAsync(DateTimeOffset instant, CancellationToken cancellationToken = default)
    {
        var moved = clock.TryJumpTo(instant);
        if (moved)
        {
            sweeper?.RequestSweep();
        }

        return Task.FromResult(moved);
    }
}
