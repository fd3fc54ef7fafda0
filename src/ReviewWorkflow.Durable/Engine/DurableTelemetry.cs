using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ReviewWorkflow.Durable.Engine;

/// <summary>
/// The runtime's traces and metrics, recorded by <see cref="DurableWorker"/> itself, so every way of driving it — the
/// built-in dispatcher (queue polling and the local fast path), a Functions queue trigger, the test host — reports the
/// same instruments. Source and meter are both named <see cref="Name"/>; exporters pick them up with <c>ReviewWorkflow.*</c>.
/// </summary>
public static class DurableTelemetry
{
    public const string Name = "ReviewWorkflow.Durable";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Durable work items processed (orchestration steps and activities), by kind and outcome (and activity name).</summary>
    public static readonly Counter<long> WorkItems = Meter.CreateCounter<long>(
        "reviewworkflow.durable.work_items", "{work_item}", "Durable work items processed: orchestration steps (kind=orchestration) and activities (kind=activity).");

    /// <summary>How long one orchestration step or one activity took, by kind and outcome (and activity name).</summary>
    public static readonly Histogram<double> WorkItemDuration = Meter.CreateHistogram<double>(
        "reviewworkflow.durable.work_item.duration", "ms", "Duration of one orchestration step or one activity.");

    public static readonly Counter<long> SweepWoke = Meter.CreateCounter<long>(
        "reviewworkflow.durable.sweep.woken", "{instance}", "Instances the housekeeping sweep woke.");

    /// <summary>Starts the span of one work item; <see cref="Finish"/> ends it and records the count and duration.</summary>
    internal static WorkItemScope Start(string kind, string? activityName, long dequeueCount)
    {
        var span = ActivitySource.StartActivity(activityName is null ? $"durable {kind}" : $"durable activity {activityName}", ActivityKind.Consumer);
        span?.SetTag("reviewworkflow.durable.kind", kind);
        if (dequeueCount > 0)
        {
            span?.SetTag("messaging.azure.queue.dequeue_count", dequeueCount);
        }

        return new WorkItemScope(kind, activityName, span, Stopwatch.GetTimestamp());
    }

    internal static WorkItemResult Finish(WorkItemScope scope, WorkItemResult result)
    {
        var outcome = result.Outcome.ToString();
        var tags = new TagList { { "kind", scope.Kind }, { "outcome", outcome } };
        if (scope.ActivityName is not null)
        {
            tags.Add("activity", scope.ActivityName);
        }

        WorkItems.Add(1, tags);
        WorkItemDuration.Record(Stopwatch.GetElapsedTime(scope.StartedAt).TotalMilliseconds, tags);
        if (scope.Span is { } span)
        {
            span.SetTag("reviewworkflow.outcome", outcome);
            if (result.Outcome != WorkItemOutcome.Completed)
            {
                span.SetStatus(ActivityStatusCode.Error, result.Reason);
            }

            span.Dispose();
        }

        return result;
    }

    /// <summary>Ends the span of a work item that was cancelled (shutting down): nothing is recorded.</summary>
    internal static void Abandon(WorkItemScope scope) => scope.Span?.Dispose();

    internal readonly record struct WorkItemScope(string Kind, string? ActivityName, Activity? Span, long StartedAt);
}
