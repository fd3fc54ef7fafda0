using ReviewWorkflow.Durable.History;

namespace ReviewWorkflow.Durable.Execution;

internal sealed partial class OrchestrationContextImpl
{
    /// <summary>Confirms that the code took the action history recorded under the same event id.</summary>
    public void MatchRecordedAction(HistoryEvent recorded, int sequence)
    {
        var (eventId, kind, name) = recorded switch
        {
            TaskScheduled e => (e.EventId, typeof(ScheduleTaskAction), e.Name),
            TimerCreated e => (e.EventId, typeof(CreateTimerAction), null),
            SubOrchestrationInstanceCreated e => (e.EventId, typeof(CreateSubOrchestrationAction), e.Name),
            EventSent e => (e.EventId, typeof(SendEventAction), e.Name),
            _ => throw new ArgumentException($"{recorded.EventType} is not an action event.", nameof(recorded)),
        };

        _pendingActions.TryGetValue(eventId, out var action);
        var actionName = action switch
        {
            ScheduleTaskAction a => a.Name,
            CreateSubOrchestrationAction a => a.Name,
            SendEventAction a => a.Name,
            _ => null,
        };
        if (action is null || action.GetType() != kind || !string.Equals(name, actionName, StringComparison.OrdinalIgnoreCase))
        {
            var did = action is null
                ? $"the code did not take any action with event id {eventId} (it now takes a different path, or fewer or later steps)"
                : $"the code now {action.Describe()}";
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{Name}' (instance '{InstanceId}', version '{Version}'): at event id {eventId} " +
                $"(history sequence {sequence}) the history recorded {Describe(recorded)}, but {did}. " +
                "The orchestrator code changed in a way that is not replay-compatible with this in-flight instance, or it uses " +
                "non-deterministic APIs (clock, random, GUIDs, I/O). Keep the old code registered under its version " +
                "(AddOrchestrator<T>(version)) and start new instances on a new version.");
        }

        _pendingActions.Remove(eventId);
    }

    private static string Describe(HistoryEvent e) => e switch
    {
        TaskScheduled t => $"TaskScheduled: a call to activity '{t.Name}'",
        TimerCreated t => $"TimerCreated: a timer firing at {t.FireAt:o}",
        SubOrchestrationInstanceCreated s => $"SubOrchestrationInstanceCreated: a call to sub-orchestration '{s.Name}'",
        EventSent s => $"EventSent: event '{s.Name}' to instance '{s.InstanceId}'",
        _ => e.EventType,
    };

    public void CompleteTask(int taskId, string? result)
    {
        if (_openTasks.Remove(taskId, out var open))
        {
            open.Completion.TrySetResult(result);
        }
    }

    public void FailTask(int taskId, TaskFailureDetails details)
    {
        if (_openTasks.Remove(taskId, out var open))
        {
            open.Completion.TrySetException(new TaskFailedException(open.Name, taskId, details));
        }
    }

    public void FireTimer(int timerId)
    {
        if (_openTimers.Remove(timerId, out var tcs))
        {
            tcs.TrySetResult();
        }
    }

    public void RaiseEvent(EventRaised e)
    {
        if (_waiters.TryGetValue(e.Name, out var list) && list.First is { } first)
        {
            list.RemoveFirst();
            first.Value.Completion.TrySetResult(e.Input);
            return;
        }

        if (!_buffered.TryGetValue(e.Name, out var queue))
        {
            _buffered[e.Name] = queue = new Queue<EventRaised>();
        }

        queue.Enqueue(e);
        _bufferedInOrder.Add(e);
    }

    private bool TryTakeBuffered(string name, out EventRaised taken)
    {
        if (_buffered.TryGetValue(name, out var queue) && queue.TryDequeue(out taken!))
        {
            _bufferedInOrder.Remove(taken);
            return true;
        }

        taken = null!;
        return false;
    }
}
