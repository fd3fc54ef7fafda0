using System.Diagnostics;

namespace ReviewWorkflow.Workflow.Cycles;

public sealed partial class ReviewCycleService
{
    /// <summary>
    /// Waits until the cycle shows an accepted command taken — applied or refused (its id in the status), or the stage it
    /// was sent to has moved on (a command that ends its stage, such as closing the consultation, settles when the next
    /// stage shows) — for at most <paramref name="timeout"/>, so the page a command redirects to shows its
    /// effect rather than the state before it. Returns whether it settled in time (the page is shown either way).
    /// </summary>
    public async Task<bool> WaitForCommandAsync(CycleResult accepted, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (accepted.Kind is not (CycleResultKind.Accepted or CycleResultKind.Repeated) || accepted.Cycle is not { } before || accepted.CommandId is not { } commandId)
        {
            return true;
        }

        var clock = Stopwatch.StartNew();
        while (true)
        {
            var view = await ReadCycleAsync(before.CycleId, cancellationToken).ConfigureAwait(false);
            if (view is null || view.CommandTarget != before.CommandTarget || view.RuntimeStatus is not ("running" or "pending")
                || (view.RecentCommands.Contains(commandId) && !await StageEndedAsync(view, cancellationToken).ConfigureAwait(false)))
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

    /// <summary>The stage the view points commands at has finished (its parent has not shown the next stage yet).</summary>
    private async Task<bool> StageEndedAsync(CycleView view, CancellationToken cancellationToken) =>
        view.CommandTarget != view.CycleId
        && await client.GetInstanceAsync(view.CommandTarget, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is { IsRunning: false };
}
