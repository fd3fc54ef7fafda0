using Microsoft.Extensions.Options;
using ReviewWorkflow.Durable.AzureStorage;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage;
using ReviewWorkflow.Storage.Queues;

namespace ReviewWorkflow.App.Telemetry;

/// <summary>One durable work queue: approximate size and how long its oldest visible message has waited.</summary>
public sealed record WorkQueueState(string Queue, long ApproximateCount, DateTimeOffset? OldestPendingInsertedOn, TimeSpan? OldestPendingAge, string? Error);

/// <summary>Both durable work queues at one moment.</summary>
public sealed record WorkQueueSnapshot(DateTimeOffset SampledAt, IReadOnlyList<WorkQueueState> Queues);

/// <summary>
/// Samples the durable work queues: the backlog through <see cref="IDurableStore.GetBacklogAsync"/>, the oldest pending
/// item by peeking the queue (its InsertionTime; delayed messages such as timers are invisible and not counted as
/// pending). Used by <c>/health</c> and, every 30 s in the background, by the queue gauges.
/// </summary>
public sealed partial class WorkQueueMonitor(
    IDurableStore store,
    QueueServiceClient queues,
    IOptions<AzureStorageDurableOptions> options,
    TimeProvider time,
    ILogger<WorkQueueMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private WorkQueueSnapshot? _latest;

    public WorkQueueSnapshot? Latest => Volatile.Read(ref _latest);

#pragma warning disable CA1308 // Queue names are lower case (as the store names them); this is not a comparison.
    private string Prefix => options.Value.TaskHubName.ToLowerInvariant();
#pragma warning restore CA1308

    public async Task<WorkQueueSnapshot> SampleAsync(CancellationToken cancellationToken)
    {
        var control = SampleAsync(WorkItemKind.Orchestration, Prefix + "-control", cancellationToken);
        var workItems = SampleAsync(WorkItemKind.Activity, Prefix + "-workitems", cancellationToken);
        var snapshot = new WorkQueueSnapshot(time.GetUtcNow(), [await control.ConfigureAwait(false), await workItems.ConfigureAwait(false)]);
        Volatile.Write(ref _latest, snapshot);
        return snapshot;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var observed = ReviewWorkflowMetrics.ObserveQueues(() => Latest);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private async Task<WorkQueueState> SampleAsync(WorkItemKind kind, string name, CancellationToken cancellationToken)
    {
        try
        {
            var count = await store.GetBacklogAsync(kind, cancellationToken).ConfigureAwait(false);
            var first = await queues.GetQueueClient(name).PeekMessagesAsync(1, cancellationToken).ConfigureAwait(false);
            var insertedOn = first.Count > 0 ? first[0].InsertedOn : null;
            var age = insertedOn is { } at ? time.GetUtcNow() - at : (TimeSpan?)null;
            return new WorkQueueState(name, count, insertedOn, age < TimeSpan.Zero ? TimeSpan.Zero : age, null);
        }
        catch (StorageRequestException ex) when (ex.Status == 404)
        {
            return new WorkQueueState(name, 0, null, null, null); // not created yet: nothing pending
        }
        catch (Exception ex) when (ex is StorageRequestException or HttpRequestException or Azure.RequestFailedException)
        {
            LogSampleFailed(logger, ex, name);
            return new WorkQueueState(name, 0, null, null, ex.Message);
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Could not sample the work queue {Queue}.")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception, string queue);
}
