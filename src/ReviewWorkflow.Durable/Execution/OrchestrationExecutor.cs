using Microsoft.Extensions.Logging;
using ReviewWorkflow.Durable.History;

namespace ReviewWorkflow.Durable.Execution;

/// <summary>What one replay produced: the step's new history events and where the orchestration stands.</summary>
internal sealed record ExecutionResult
{
    /// <summary>Actions taken in this step (not matched by recorded history), in event-id order.</summary>
    public required IReadOnlyList<OrchestratorAction> NewActions { get; init; }

    /// <summary>Null while the orchestration is still running.</summary>
    public OrchestrationRuntimeStatus? Completion { get; init; }

    public string? Output { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public string? CustomStatus { get; init; }

    public string? ContinueAsNewInput { get; init; }

    /// <summary>Events to hand to the next generation after ContinueAsNew (empty unless preserved).</summary>
    public IReadOnlyList<EventRaised> CarriedEvents { get; init; } = [];

    /// <summary>Timers whose waiting was cancelled (their pending inbox messages can be dropped).</summary>
    public IReadOnlyCollection<int> CanceledTimers { get; init; } = [];
}

/// <summary>
/// The replay loop: runs orchestrator code from the start over recorded history (IsReplaying = true), then over
/// the step's new events, on a single-threaded synchronization context; checks every recorded action against what
/// the code does now.
/// </summary>
internal static class OrchestrationExecutor
{
    public static ExecutionResult Execute(
        ITaskOrchestrator orchestrator,
        string instanceId,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> newEvents,
        ILoggerFactory loggerFactory,
        Func<string, string?> resolveVersion,
        TimeSpan maximumTimerInterval)
    {
        var started = past.Concat(newEvents).OfType<ExecutionStarted>().FirstOrDefault()
            ?? throw new InvalidOperationException($"Instance '{instanceId}' has no ExecutionStarted event.");
        var context = new OrchestrationContextImpl(started, instanceId, loggerFactory, resolveVersion, maximumTimerInterval);
        var sync = new OrchestrationSynchronizationContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(sync);
        Task<object?>? run = null;
        try
        {
            var index = 0;
            foreach (var e in past.Concat(newEvents))
            {
                context.ReplayingFlag = index < past.Count;
                Apply(context, e, index, orchestrator, ref run);
                sync.Pump();
                index++;
            }
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            return Failed(context, ex);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (run is null || !run.IsCompleted)
        {
            return new ExecutionResult { NewActions = [.. context.PendingActions], CustomStatus = context.CustomStatus, CanceledTimers = [.. context.CanceledTimers] };
        }

        if (run.IsCompletedSuccessfully)
        {
            if (context.ContinueAsNewRequest is { Requested: true } can)
            {
                return new ExecutionResult
                {
                    NewActions = [.. context.PendingActions],
                    Completion = OrchestrationRuntimeStatus.ContinuedAsNew,
                    ContinueAsNewInput = can.Input,
                    CarriedEvents = can.Preserve ? [.. context.BufferedEvents] : [],
                    CustomStatus = context.CustomStatus,
                };
            }

            return new ExecutionResult
            {
                NewActions = [.. context.PendingActions],
                Completion = OrchestrationRuntimeStatus.Completed,
                Output = DurableJson.Serialize(run.Result),
                CustomStatus = context.CustomStatus,
            };
        }

        return Failed(context, Unwrap(run));
    }

    private static ExecutionResult Failed(OrchestrationContextImpl context, Exception ex) => new()
    {
        NewActions = ex is NonDeterministicOrchestrationException ? [] : [.. context.PendingActions],
        Completion = OrchestrationRuntimeStatus.Failed,
        Failure = TaskFailureDetails.FromException(ex) with { IsNonRetriable = ex is NonDeterministicOrchestrationException },
        CustomStatus = context.CustomStatus,
    };

    private static Exception Unwrap(Task task)
    {
        try
        {
            task.GetAwaiter().GetResult();
            return new InvalidOperationException("The orchestration task did not fail.");
        }
#pragma warning disable CA1031 // The orchestrator's exception becomes its failure details, whatever it is.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }
    }

    private static void Apply(OrchestrationContextImpl context, HistoryEvent e, int sequence, ITaskOrchestrator orchestrator, ref Task<object?>? run)
    {
        switch (e)
        {
            case OrchestratorStarted:
                context.SetCurrentUtc(e.Timestamp);
                break;
            case ExecutionStarted started when run is null:
                run = Start(context, orchestrator, started);
                break;
            case TaskScheduled or TimerCreated or SubOrchestrationInstanceCreated or EventSent:
                context.MatchRecordedAction(e, sequence);
                break;
            case TaskCompleted c:
                context.CompleteTask(c.TaskScheduledId, c.Result);
                break;
            case TaskFailed f:
                context.FailTask(f.TaskScheduledId, f.FailureDetails);
                break;
            case SubOrchestrationInstanceCompleted c:
                context.CompleteTask(c.TaskScheduledId, c.Result);
                break;
            case SubOrchestrationInstanceFailed f:
                context.FailTask(f.TaskScheduledId, f.FailureDetails);
                break;
            case TimerFired t:
                context.FireTimer(t.TimerId);
                break;
            case EventRaised r:
                context.RaiseEvent(r);
                break;
            default:
                break;
        }
    }

    private static Task<object?> Start(OrchestrationContextImpl context, ITaskOrchestrator orchestrator, ExecutionStarted started)
    {
        try
        {
            var input = DurableJson.Deserialize(started.Input, orchestrator.InputType);
            return orchestrator.RunAsync(context, input);
        }
#pragma warning disable CA1031 // Bad input or a synchronous throw fails the orchestration like any other exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromException<object?>(ex);
        }
    }
}
