using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.App.Demo;

/// <summary>
/// Runs <see cref="DemoData"/> once in the background when the app starts with <c>Demo:SeedData=true</c>: it waits
/// until the workflow's tables exist (retrying while storage is not answering),
/// then seeds. A failure is logged, never stops the app. <see cref="Completion"/> is the run's result (for tests).
/// </summary>
public sealed partial class DemoDataSeeder(
    DemoData demo,
    WorkflowTables tables,
    ILogger<DemoDataSeeder> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource<DemoSeedResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<DemoSeedResult> Completion => _completion.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitForStorageAsync(stoppingToken).ConfigureAwait(false);
            _completion.TrySetResult(await demo.SeedAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(stoppingToken);
        }
#pragma warning disable CA1031 // Demo data is a convenience: log why it failed and keep serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
            _completion.TrySetException(ex);
        }
    }

    private async Task WaitForStorageAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await tables.CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Storage not reachable yet: retried with backoff.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogWaiting(logger, ex, delay);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                delay = delay * 2 > MaxDelay ? MaxDelay : delay * 2;
            }
        }
    }

    [LoggerMessage(EventId = 9010, Level = LogLevel.Warning, Message = "Demo data: waiting for storage (next try in {Delay}).")]
    private static partial void LogWaiting(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 9011, Level = LogLevel.Error, Message = "Demo data: seeding failed; the app keeps running without it.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
