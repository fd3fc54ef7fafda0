using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using ReviewWorkflow.DurableTask.WakeUps;

namespace ReviewWorkflow.Functions.WakeUps;

/// <summary>
/// Every minute: raises the wake-up of every cycle whose next deadline is due (deadlines as data) — what the local
/// worker's hosted sweep does. Events are raised through the Durable extension's own client (<c>[DurableClient]</c>):
/// the host owns this task hub (its name, partition count and storage connection come from host.json and the app's
/// settings), so a signal it raises lands in exactly the control queue the host's orchestration dispatcher reads.
/// Timer triggers run on one instance at a time (a blob lease), so sweeps never overlap.
/// </summary>
public sealed class WakeUpSweepFunction(WakeUpScheduler scheduler, TimeProvider time, ILoggerFactory loggers)
{
    public const string Name = "WakeUpSweep";

    [Function(Name)]
    public async Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var sweeper = new WakeUpSweeper(scheduler, client, time, loggers.CreateLogger<WakeUpSweeper>());
        await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
    }
}
