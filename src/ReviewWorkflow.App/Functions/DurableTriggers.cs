using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReviewWorkflow.App.Hosting;
using ReviewWorkflow.Durable.Engine;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.App.Functions;

/// <summary>
/// The durable runtime's queue and timer triggers. Each invocation runs the same <see cref="DurableWorker"/> call the
/// standalone dispatcher makes (which also records the runtime's traces and metrics); the answer tells the host what to
/// do with the message: 2xx deletes it, non-2xx leaves it to be delivered again (and after <c>maxDequeueCount</c> moved
/// to <c>{queue}-poison</c> by the host). A work item the worker declares poison is set aside in the runtime's own
/// poison table (with its reason, where the standalone dispatcher puts it too) and answered 200 so the host deletes it.
/// The message text goes through <see cref="IDurableStore.ResolveReceivedAsync"/> first: a large activity input arrives
/// as the store's reference to its payload table, and a completed one is completed through the store, which deletes
/// the payload as well (the host's own delete then finds the message gone, which it ignores).
/// </summary>
internal sealed partial class DurableTriggers(
    DurableWorker worker,
    IDurableStore store,
    DurableStoreInitializer initializer,
    TimeProvider time,
    ILogger<DurableTriggers> logger)
{
    public Task<JsonHttpResult<InvocationResponse>> ControlAsync(InvocationRequest request, CancellationToken cancellationToken) =>
        ProcessAsync(WorkItemKind.Orchestration, request, cancellationToken);

    public Task<JsonHttpResult<InvocationResponse>> WorkItemsAsync(InvocationRequest request, CancellationToken cancellationToken) =>
        ProcessAsync(WorkItemKind.Activity, request, cancellationToken);

    public async Task<JsonHttpResult<InvocationResponse>> SweepAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        using var activity = DurableTelemetry.ActivitySource.StartActivity("durable sweep", ActivityKind.Internal);
        var pastDue = request.Data.TryGetValue(FunctionNames.TimerBinding, out var timer)
            && timer.ValueKind == JsonValueKind.Object
            && timer.TryGetProperty("IsPastDue", out var p) && p.ValueKind == JsonValueKind.True;
        try
        {
            await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
            var woke = await worker.SweepAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
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

        var kindTag = kind == WorkItemKind.Orchestration ? "orchestration" : "activity";
        var messageId = request.MetadataString("Id");
        var popReceipt = request.MetadataString("PopReceipt");
        var received = new WorkItemLease(kind, messageId ?? "", popReceipt ?? "", text, request.MetadataInt64("DequeueCount") ?? 1);
        WorkItemLease? lease = null;
        WorkItemResult result;
        try
        {
            await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
            lease = await store.ResolveReceivedAsync(kind, received.MessageId, received.Receipt, text, received.DequeueCount, cancellationToken).ConfigureAwait(false);
            result = lease is null
                ? new WorkItemResult(WorkItemOutcome.Poison, Reason: "The payload this work item references no longer exists in the payload table.")
                : kind == WorkItemKind.Orchestration
                    ? await worker.ProcessOrchestrationMessageAsync(lease.MessageText, lease.DequeueCount, cancellationToken).ConfigureAwait(false)
                    : await worker.ProcessActivityMessageAsync(lease.MessageText, lease.DequeueCount, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTriggerFailed(logger, ex, kindTag);
            result = new WorkItemResult(WorkItemOutcome.Retry, Reason: ex.Message);
        }

        var outcome = result.Outcome.ToString();
        var hasReceipt = messageId is not null && popReceipt is not null;
        switch (result.Outcome)
        {
            case WorkItemOutcome.Completed:
                if (hasReceipt && lease is not null && lease.Receipt != received.Receipt)
                {
                    // An offloaded payload: the store deletes the message and then the payload (never the other way round).
                    await CompleteOffloadedAsync(lease, kindTag, cancellationToken).ConfigureAwait(false);
                }

                return Answer(StatusCodes.Status200OK, new { outcome }, $"{kindTag} work item {messageId} completed.");
            case WorkItemOutcome.Poison when hasReceipt:
                var reason = result.Reason ?? "unknown";
                try
                {
                    await store.SetAsidePoisonAsync(lease ?? received, reason, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogTriggerFailed(logger, ex, kindTag);
                    return Answer(StatusCodes.Status500InternalServerError, new { outcome, reason }, $"Could not set poison work item {messageId} aside: {ex.Message}");
                }

                return Answer(StatusCodes.Status200OK, new { outcome, reason }, $"{kindTag} work item {messageId} set aside as poison: {reason}");
            default:
                return Answer(StatusCodes.Status500InternalServerError,
                    new { outcome, reason = result.Reason, retryAfterSeconds = result.RetryAfter.TotalSeconds },
                    $"{kindTag} work item {messageId} failed (attempt {received.DequeueCount}): {result.Reason}");
        }
    }

    /// <summary>Completes a work item whose payload was offloaded. The work is done whatever happens here: a failure only
    /// leaves the payload rows behind (the host still deletes the message), so it is logged, not retried.</summary>
    private async Task CompleteOffloadedAsync(WorkItemLease lease, string kindTag, CancellationToken cancellationToken)
    {
        try
        {
            await store.CompleteAsync(lease, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTriggerFailed(logger, ex, kindTag);
        }
    }

    private static JsonHttpResult<InvocationResponse> Answer(int status, object returnValue, string log) =>
        TypedResults.Json(InvocationResponse.Of(returnValue, log), InvocationJson.Options, statusCode: status);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Error, Message = "The {Trigger} trigger failed.")]
    private static partial void LogTriggerFailed(ILogger logger, Exception exception, string trigger);
}
