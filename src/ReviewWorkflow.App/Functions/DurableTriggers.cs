using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReviewWorkflow.App.Hosting;
using ReviewWorkflow.App.Telemetry;
using ReviewWorkflow.Durable.Engine;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.App.Functions;

/// <summary>
/// The durable runtime's queue and timer triggers. Each invocation runs the same <see cref="DurableWorker"/> call the
/// standalone dispatcher makes; the answer tells the host what to do with the message: 2xx deletes it, non-2xx
/// leaves it to be delivered again (and after <c>maxDequeueCount</c> moved to <c>{queue}-poison</c> by the host).
/// A work item the worker declares poison is set aside in the runtime's own poison table (with its reason, where
/// the standalone dispatcher puts it too) and answered 200 so the host deletes it.
/// </summary>
internal sealed partial class DurableTriggers(
    DurableWorker worker,
    IDurableStore store,
    DurableStoreInitializer initializer,
    TimeProvider time,
    ILogger<DurableTriggers> logger)
{
    /// <summary>Marks an activity message whose JSON the Azure Storage store offloaded to its payload table.</summary>
    private const string OffloadedPayloadPrefix = "@rw-payload:";

    public Task<JsonHttpResult<InvocationResponse>> ControlAsync(InvocationRequest request, CancellationToken cancellationToken) =>
        ProcessAsync(WorkItemKind.Orchestration, request, cancellationToken);

    public Task<JsonHttpResult<InvocationResponse>> WorkItemsAsync(InvocationRequest request, CancellationToken cancellationToken) =>
        ProcessAsync(WorkItemKind.Activity, request, cancellationToken);

    public async Task<JsonHttpResult<InvocationResponse>> SweepAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        using var activity = ReviewWorkflowMetrics.ActivitySource.StartActivity("durable sweep", ActivityKind.Internal);
        var pastDue = request.Data.TryGetValue(FunctionNames.TimerBinding, out var timer)
            && timer.ValueKind == JsonValueKind.Object
            && timer.TryGetProperty("IsPastDue", out var p) && p.ValueKind == JsonValueKind.True;
        try
        {
            await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
            var woke = await worker.SweepAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            ReviewWorkflowMetrics.SweepWoke.Add(woke);
            activity?.SetTag("reviewworkflow.sweep.woken", woke);
            return Answer(StatusCodes.Status200OK, new { woke, isPastDue = pastDue }, $"Sweep woke {woke} instance(s).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTriggerFailed(logger, ex, FunctionNames.Sweep);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return Answer(StatusCodes.Status500InternalServerError, new { error = ex.Message }, $"Sweep failed: {ex.Message}");
        }
    }

    private async Task<JsonHttpResult<InvocationResponse>> ProcessAsync(WorkItemKind kind, InvocationRequest request, CancellationToken cancellationToken)
    {
        var text = request.QueueMessageText(FunctionNames.QueueBinding);
        if (text is null)
        {
            return Answer(StatusCodes.Status400BadRequest, new { error = $"Data.{FunctionNames.QueueBinding} is missing." }, "No queue message in the invocation.");
        }

        var dequeueCount = request.MetadataInt64("DequeueCount") ?? 1;
        var messageId = request.MetadataString("Id");
        var kindTag = kind == WorkItemKind.Orchestration ? "orchestration" : "activity";
        var activityName = kind == WorkItemKind.Activity ? ActivityName(text) : null;
        using var span = ReviewWorkflowMetrics.ActivitySource.StartActivity(
            kind == WorkItemKind.Orchestration ? "durable orchestration step" : $"durable activity {activityName}", ActivityKind.Consumer);
        span?.SetTag("messaging.message.id", messageId);
        span?.SetTag("messaging.azure.queue.dequeue_count", dequeueCount);
        var started = Stopwatch.GetTimestamp();
        WorkItemResult result;
        try
        {
            await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
            result = text.StartsWith(OffloadedPayloadPrefix, StringComparison.Ordinal)
                ? new WorkItemResult(WorkItemOutcome.Poison, Reason: "The work item's payload was offloaded to the payload table; the runtime has no public API to read it back under the Functions host yet.")
                : kind == WorkItemKind.Orchestration
                    ? await worker.ProcessOrchestrationMessageAsync(text, dequeueCount, cancellationToken).ConfigureAwait(false)
                    : await worker.ProcessActivityMessageAsync(text, dequeueCount, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTriggerFailed(logger, ex, kindTag);
            result = new WorkItemResult(WorkItemOutcome.Retry, Reason: ex.Message);
        }

        var outcome = result.Outcome.ToString();
        var tags = new TagList { { "kind", kindTag }, { "outcome", outcome } };
        if (activityName is not null)
        {
            tags.Add("activity", activityName);
        }

        ReviewWorkflowMetrics.WorkItems.Add(1, tags);
        ReviewWorkflowMetrics.WorkItemDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        span?.SetTag("reviewworkflow.outcome", outcome);

        switch (result.Outcome)
        {
            case WorkItemOutcome.Completed:
                return Answer(StatusCodes.Status200OK, new { outcome }, $"{kindTag} work item {messageId} completed.");
            case WorkItemOutcome.Poison when messageId is not null && request.MetadataString("PopReceipt") is { } popReceipt:
                var reason = result.Reason ?? "unknown";
                try
                {
                    await store.SetAsidePoisonAsync(new WorkItemLease(kind, messageId, popReceipt, text, dequeueCount), reason, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogTriggerFailed(logger, ex, kindTag);
                    span?.SetStatus(ActivityStatusCode.Error, reason);
                    return Answer(StatusCodes.Status500InternalServerError, new { outcome, reason }, $"Could not set poison work item {messageId} aside: {ex.Message}");
                }

                span?.SetStatus(ActivityStatusCode.Error, reason);
                return Answer(StatusCodes.Status200OK, new { outcome, reason }, $"{kindTag} work item {messageId} set aside as poison: {reason}");
            default:
                span?.SetStatus(ActivityStatusCode.Error, result.Reason);
                return Answer(StatusCodes.Status500InternalServerError,
                    new { outcome, reason = result.Reason, retryAfterSeconds = result.RetryAfter.TotalSeconds },
                    $"{kindTag} work item {messageId} failed (attempt {dequeueCount}): {result.Reason}");
        }
    }

    private static JsonHttpResult<InvocationResponse> Answer(int status, object returnValue, string log) =>
        TypedResults.Json(InvocationResponse.Of(returnValue, log), InvocationJson.Options, statusCode: status);

    /// <summary>The activity's name from the work item JSON, for tags; null when it cannot be read.</summary>
    private static string? ActivityName(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                ? name.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Error, Message = "The {Trigger} trigger failed.")]
    private static partial void LogTriggerFailed(ILogger logger, Exception exception, string trigger);
}
