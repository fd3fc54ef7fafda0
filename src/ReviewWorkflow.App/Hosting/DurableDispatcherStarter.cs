using Microsoft.Extensions.Options;
using ReviewWorkflow.Durable;

namespace ReviewWorkflow.App.Hosting;

/// <summary>
/// Starts the runtime's embedded dispatcher (<see cref="DurableHostedService"/>, standalone mode only) once the task
/// hub's tables and queues exist, retrying with backoff while storage is unreachable. Registered directly, the
/// dispatcher's first storage call failing would stop the whole host; this way the app stays up, <c>/health</c> says
/// what is wrong, and work resumes when storage answers.
/// </summary>
internal sealed partial class DurableDispatcherStarter(
    DurableHostedService dispatcher,
    DurableStoreInitializer initializer,
    IOptions<DurableOptions> options,
    TimeProvider time,
    ILogger<DurableDispatcherStarter> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    private bool _started;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.EnableDispatcher)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await initializer.EnsureAsync(stoppingToken).ConfigureAwait(false);
                break;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Storage not reachable yet: logged and retried; the dispatcher starts when it answers.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogWaitingForStorage(logger, ex, delay);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                delay = delay * 2 > MaxDelay ? MaxDelay : delay * 2;
            }
        }

        await dispatcher.StartAsync(stoppingToken).ConfigureAwait(false);
        _started = true;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_started)
        {
            await dispatcher.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Storage is not reachable; the durable dispatcher starts when it is (next try in {Delay}).")]
    private static partial void LogWaitingForStorage(ILogger logger, Exception exception, TimeSpan delay);
}
