using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using ReviewWorkflow.App.Telemetry;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.App.Health;

/// <summary>One component's state in the health report.</summary>
public sealed record ComponentHealth(bool Reachable, string Endpoint, long ElapsedMs, string? Error);

/// <summary>The body of GET /health. <paramref name="WorkQueues"/>: the durable work queues' backlog and the age of the
/// oldest pending work item (informational: a backlog does not make the app unhealthy); null when storage is unreachable.</summary>
public sealed record HealthReport(string Status, bool Healthy, ComponentHealth Tables, ComponentHealth Queues, WorkQueueSnapshot? WorkQueues);

/// <summary>Pings both storage services in parallel (the SDK clients named
/// <see cref="StorageServiceCollectionExtensions.HealthClientName"/>: one attempt each, listing at most one table or queue),
/// each bounded by a short timeout so /health never hangs.</summary>
public sealed class StorageHealthProbe(IAzureClientFactory<TableServiceClient> tableClients, IAzureClientFactory<QueueServiceClient> queueClients,
    WorkQueueMonitor workQueues, ILogger<StorageHealthProbe> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly TableServiceClient _tables = tableClients.CreateClient(StorageServiceCollectionExtensions.HealthClientName);
    private readonly QueueServiceClient _queues = queueClients.CreateClient(StorageServiceCollectionExtensions.HealthClientName);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var tableTask = ProbeAsync(PingTablesAsync, _tables.Uri, cancellationToken);
        var queueTask = ProbeAsync(PingQueuesAsync, _queues.Uri, cancellationToken);
        var (table, queue) = (await tableTask.ConfigureAwait(false), await queueTask.ConfigureAwait(false));
        var healthy = table.Reachable && queue.Reachable;
        if (!healthy)
        {
            logger.LogWarning("Storage unhealthy: tables {TablesReachable} ({TablesError}), queues {QueuesReachable} ({QueuesError})",
                table.Reachable, table.Error, queue.Reachable, queue.Error);
        }

        WorkQueueSnapshot? backlog = null;
        if (queue.Reachable)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                backlog = await workQueues.SampleAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Reported as unknown; reachability above is what decides health.
            }
        }

        return new HealthReport(healthy ? "healthy" : "unhealthy", healthy, table, queue, backlog);
    }

    /// <summary>Lists at most one table: any answer but an error means the service and the credential work.</summary>
    private async Task PingTablesAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in _tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1).ConfigureAwait(false))
        {
            break;
        }
    }

    /// <summary>Lists at most one queue.</summary>
    private async Task PingQueuesAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in _queues.GetQueuesAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1).ConfigureAwait(false))
        {
            break;
        }
    }

    private static async Task<ComponentHealth> ProbeAsync(Func<CancellationToken, Task> ping, Uri endpoint, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            await ping(timeout.Token).ConfigureAwait(false);
            return new ComponentHealth(true, endpoint.GetLeftPart(UriPartial.Path), watch.ElapsedMilliseconds, null);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException || StorageFailures.IsOutage(ex))
        {
            var (status, code) = StorageFailures.Describe(ex);
            var error = status == 0 ? "The service could not be reached." : $"The service answered {status}{(code is null ? "" : " " + code)}.";
            return new ComponentHealth(false, endpoint.GetLeftPart(UriPartial.Path), watch.ElapsedMilliseconds, error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ComponentHealth(false, endpoint.GetLeftPart(UriPartial.Path), watch.ElapsedMilliseconds, $"No answer within {Timeout.TotalSeconds:0} s.");
        }
    }
}
