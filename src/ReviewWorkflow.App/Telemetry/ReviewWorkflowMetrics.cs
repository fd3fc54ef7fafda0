using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ReviewWorkflow.App.Telemetry;

/// <summary>
/// The app's traces and metrics (System.Diagnostics; exported by OpenTelemetry when configured). One source and one
/// meter, both named <see cref="Name"/>; other projects may add meters named <c>ReviewWorkflow.*</c>, which are
/// exported too.
/// </summary>
public static class ReviewWorkflowMetrics
{
    public const string Name = "ReviewWorkflow";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Durable work items processed (orchestration steps and activities), by kind and outcome.</summary>
    public static readonly Counter<long> WorkItems = Meter.CreateCounter<long>(
        "reviewworkflow.durable.work_items", "{work_item}", "Durable work items processed: orchestration steps (kind=orchestration) and activities (kind=activity).");

    /// <summary>How long one orchestration step or one activity took, by kind (and activity name).</summary>
    public static readonly Histogram<double> WorkItemDuration = Meter.CreateHistogram<double>(
        "reviewworkflow.durable.work_item.duration", "ms", "Duration of one orchestration step or one activity.");

    public static readonly Counter<long> SweepWoke = Meter.CreateCounter<long>(
        "reviewworkflow.durable.sweep.woken", "{instance}", "Instances the housekeeping sweep woke.");

    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>(
        "reviewworkflow.emails.sent", "{email}", "Emails accepted by the provider (SendGrid or the local outbox).");

    public static readonly Counter<long> EmailsBounced = Meter.CreateCounter<long>(
        "reviewworkflow.emails.bounced", "{email}", "Emails reported bounced or dropped by the provider's event webhook.");

    public static readonly Counter<long> ResponsesReceived = Meter.CreateCounter<long>(
        "reviewworkflow.responses.received", "{response}", "Consultation responses received.");

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

    public static void EmailBounced(string reason) =>
        EmailsBounced.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void ResponseReceived(string channel) =>
        ResponsesReceived.Add(1, new KeyValuePair<string, object?>("channel", channel));

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
