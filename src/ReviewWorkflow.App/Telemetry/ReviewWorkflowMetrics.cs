using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ReviewWorkflow.App.Telemetry;

/// <summary>
/// The app's own traces and metrics (System.Diagnostics; exported by OpenTelemetry when configured): the work-queue
/// gauges. One source and one meter, both named <see cref="Name"/>. The durable runtime records its work items in
/// <c>ReviewWorkflow.Durable</c> (<see cref="Durable.Engine.DurableTelemetry"/>) and the review cycle its emails and
/// responses in <c>ReviewWorkflow.Workflow</c> (<see cref="Workflow.Telemetry.WorkflowMetrics"/>); all are exported.
/// </summary>
public static class ReviewWorkflowMetrics
{
    public const string Name = "ReviewWorkflow";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Where the queue gauges read their latest samples (one per running app; never blocking on storage).</summary>
    private static readonly ConcurrentDictionary<object, Func<WorkQueueSnapshot?>> QueueSources = new();

    private static readonly ObservableGauge<long> QueueBacklog = Meter.CreateObservableGauge(
        "reviewworkflow.durable.queue.backlog", () => QueueSources.Values.SelectMany(read => Backlog(read())), "{message}",
        "Approximate messages on the durable work queues (visible and delayed).");

    private static readonly ObservableGauge<double> QueueOldestAge = Meter.CreateObservableGauge(
        "reviewworkflow.durable.queue.oldest_age", () => QueueSources.Values.SelectMany(read => OldestAge(read())), "s",
        "Age of the oldest visible message on each durable work queue.");

    /// <summary>Adds a source of queue samples to the gauges until the returned registration is disposed.</summary>
    internal static IDisposable ObserveQueues(Func<WorkQueueSnapshot?> read)
    {
        var key = new object();
        QueueSources[key] = read;
        _ = (QueueBacklog, QueueOldestAge);
        return new Registration(() => QueueSources.TryRemove(key, out _));
    }

    private static IEnumerable<Measurement<long>> Backlog(WorkQueueSnapshot? snapshot) =>
        snapshot?.Queues.Select(q => new Measurement<long>(q.ApproximateCount, new KeyValuePair<string, object?>("queue", q.Queue))) ?? [];

    private static IEnumerable<Measurement<double>> OldestAge(WorkQueueSnapshot? snapshot) =>
        snapshot?.Queues.Where(q => q.OldestPendingAge is not null)
            .Select(q => new Measurement<double>(q.OldestPendingAge!.Value.TotalSeconds, new KeyValuePair<string, object?>("queue", q.Queue))) ?? [];

    private sealed class Registration(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
