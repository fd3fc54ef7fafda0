using System.Diagnostics;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.App.Health;

/// <summary>One component's state in the health report.</summary>
public sealed record ComponentHealth(bool Reachable, string Endpoint, long ElapsedMs, string? Error);

/// <summary>The body of GET /health: Table and Queue storage (the app's tables, the task hub's tables and queues).</summary>
public sealed record HealthReport(string Status, bool Healthy, ComponentHealth Tables, ComponentHealth Queues);

/// <summary>Pings both storage services in parallel, each bounded by a short timeout so /health never hangs.</summary>
public sealed class StorageHealthProbe(TableServiceClient tables, QueueServiceClient queues, ILogger<StorageHealthProbe> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var tableTask = ProbeAsync(tables.PingAsync, tables.Endpoint, cancellationToken);
        var queueTask = ProbeAsync(queues.PingAsync, queues.Endpoint, cancellationToken);
        var (table, queue) = (await tableTask.ConfigureAwait(false), await queueTask.ConfigureAwait(false));
        var healthy = table.Reachable && queue.Reachable;
        if (!healthy)
        {
            logger.LogWarning("Storage unhealthy: tables {TablesReachable} ({TablesError}), queues {QueuesReachable} ({QueuesError})",
                table.Reachable, table.Error, queue.Reachable, queue.Error);
        }

        return new HealthReport(healthy ? "healthy" : "unhealthy", healthy, table, queue);
    }

    private static async Task<ComponentHealth> ProbeAsync(Func<CancellationToken, Task<bool>> ping, Uri endpoint, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            var ok = await ping(timeout.Token).ConfigureAwait(false);
            return new ComponentHealth(ok, endpoint.GetLeftPart(UriPartial.Path), watch.ElapsedMilliseconds, ok ? null : "The service did not answer as expected.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ComponentHealth(false, endpoint.GetLeftPart(UriPartial.Path), watch.ElapsedMilliseconds, $"No answer within {Timeout.TotalSeconds:0} s.");
        }
    }
}
