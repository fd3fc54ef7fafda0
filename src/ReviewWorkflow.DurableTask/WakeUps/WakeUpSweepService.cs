using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewWorkflow.DurableTask.Configuration;

namespace ReviewWorkflow.DurableTask.WakeUps;

/// <summary>Runs the wake-up sweep in a worker process every <c>Durable:WakeUpSweepInterval</c> and whenever requested.</summary>
internal sealed partial class WakeUpSweepService(
    WakeUpSweeper sweeper, IOptions<DurableTaskOptions> options, ILogger<WakeUpSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return; // client-only processes leave sweeping to the worker (in Azure: a timer-triggered function)
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sweeper.WaitForNextSweepAsync(options.Value.WakeUpSweepInterval, stoppingToken).ConfigureAwait(false);
                await sweeper.SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed sweep (storage briefly unreachable) must not end the loop; the next one retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Wake-up sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
