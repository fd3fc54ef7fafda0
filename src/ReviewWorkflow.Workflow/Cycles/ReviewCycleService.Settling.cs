using System.Diagnostics;

namespace ReviewWorkflow.Workflow.Cycles;

public sealed partial class ReviewCycleService
{
    /// <summary>
    /// Waits until the cycle shows an accepted command taken — applied or refused (its id in the status), or the stage it
    /// was sent to has moved on — for at most <paramref name="timeout"/>, so the page a command redirects to shows its
    /// effect rather than the state before it. Returns whether it settled in time (the page is shown either way).
    /// </summary>
    public async Task<bool> WaitForCommandAsync(CycleResult accepted, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (accepted.Kind != CycleResultKind.Accepted || accepted.Cycle is not { } before || accepted.CommandId is not { } commandId)
        {
            return true;
        }

        var clock = Stopwatch.StartNew();
        while (true)
        {
            var view = await ReadCycleAsync(before.CycleId, cancellationToken).ConfigureAwait(false);
            if (view is null || view.RecentCommands.Contains(commandId) || view.CommandTarget != before.CommandTarget
                || view.RuntimeStatus is not ("running" or "pending"))
            {
                return true;
            }

            if (clock.Elapsed >= timeout)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }
    }
}
