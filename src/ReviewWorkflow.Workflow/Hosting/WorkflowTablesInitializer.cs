using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReviewWorkflow.Workflow.Hosting;

/// <summary>
/// Creates the workflow's tables (audit, responses, email ledger, webhook events, links) at start-up without letting a
/// storage outage stop the host: one bounded try while starting (so with storage up the tables exist before the first
/// request), then retries with backoff in the background until storage answers.
/// </summary>
internal sealed partial class WorkflowTablesInitializer(WorkflowTables tables, TimeProvider time, ILogger<WorkflowTablesInitializer> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstTryLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var firstTry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        firstTry.CancelAfter(FirstTryLimit);
        try
        {
            await tables.CreateIfNotExistsAsync(firstTry.Token).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Storage not reachable yet: logged, and retried in the background.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWaitingForStorage(logger, ex);
        }

        _retrying = Task.Run(() => RetryAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _retrying.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RetryAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                await tables.CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false);
                LogTablesCreated(logger);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Keep trying until storage answers.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                delay = delay * 2 > MaxDelay ? MaxDelay : delay * 2;
                LogStillWaiting(logger, ex, delay);
            }
        }
    }


    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Could not create the workflow's tables at start; retrying in the background until storage answers.")]
    private static partial void LogWaitingForStorage(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Warning, Message = "Storage still not reachable for the workflow's tables (next try in {Delay}).")]
    private static partial void LogStillWaiting(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Information, Message = "The workflow's tables exist now.")]
    private static partial void LogTablesCreated(ILogger logger);
}
