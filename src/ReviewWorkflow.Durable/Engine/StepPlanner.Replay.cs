using ReviewWorkflow.Durable.Execution;
using ReviewWorkflow.Durable.History;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Engine;

internal sealed partial class StepPlanner
{
    private StepPlan Replay(List<HistoryEvent> newEvents)
    {
        var started = _history.OfType<ExecutionStarted>().FirstOrDefault() ?? newEvents.OfType<ExecutionStarted>().First();
        var result = _worker.Execute(started, InstanceId, _history, newEvents);
        var exec = _record.ExecutionId;
        var appended = new List<HistoryEvent>(newEvents);
        var addOutbox = new List<OutboxRecord>();
        var addInbox = new List<InboxRecord>();

        foreach (var action in result.NewActions.OrderBy(a => a.Id))
        {
            appended.Add(action.ToHistoryEvent(_now));
            switch (action)
            {
                case ScheduleTaskAction a:
                    addOutbox.Add(new OutboxRecord(
                        MessageIds.Activity(InstanceId, exec, a.Id), OutboxKind.Activity, null,
                        EngineJson.Serialize(new ActivityWorkItem(InstanceId, exec, a.Id, a.Name, a.Input))));
                    break;
                case CreateTimerAction t when result.Completion is null && !result.CanceledTimers.Contains(t.Id):
                    var fired = new TimerFired(t.Id, t.FireAt) { Timestamp = t.FireAt, ExecutionId = exec };
                    addInbox.Add(EngineJson.ToInbox(MessageIds.Timer(InstanceId, exec, t.Id), fired, t.FireAt));
                    break;
                case CreateSubOrchestrationAction c:
                    addOutbox.Add(CreateChild(started, c));
                    break;
                case SendEventAction s:
                    var id = MessageIds.EventSent(InstanceId, exec, s.Id);
                    var raised = new EventRaised(s.Name, s.Input) { Timestamp = _now, MessageId = id };
                    addOutbox.Add(new OutboxRecord(id, OutboxKind.InstanceMessage, s.InstanceId, EngineJson.Serialize<HistoryEvent>(raised)));
                    break;
                default:
                    break;
            }
        }

        // Timers whose wait was cancelled (e.g. an event beat its timeout) need no wake-up any more.
        foreach (var timerId in result.CanceledTimers)
        {
            var id = MessageIds.Timer(InstanceId, exec, timerId);
            if (_snapshot.Inbox.Any(m => m.MessageId == id))
            {
                _consumed.Add(id);
            }
        }

        var record = _record with { RuntimeStatus = OrchestrationRuntimeStatus.Running, CustomStatus = result.CustomStatus };
        switch (result.Completion)
        {
            case OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed:
                ConsumeAllInbox();
                addInbox.Clear();
                appended.Add(new ExecutionCompleted(result.Completion.Value, result.Output, result.Failure) { Timestamp = _now });
                if (ParentResult(started, result.Completion == OrchestrationRuntimeStatus.Completed
                    ? new SubOrchestrationInstanceCompleted(started.ParentTaskId ?? -1, result.Output)
                    : new SubOrchestrationInstanceFailed(started.ParentTaskId ?? -1, result.Failure!)) is { } toParent)
                {
                    addOutbox.Add(toParent);
                }

                if (result.Failure is not null)
                {
                    Log.OrchestrationFailed(_worker.LoggerInternal, InstanceId, result.Failure.ToString());
                }

                record = record with
                {
                    RuntimeStatus = result.Completion.Value,
                    Output = result.Output,
                    FailureDetails = result.Failure is null ? null : EngineJson.Serialize(result.Failure),
                    CompletedAt = _now,
                    NextWakeAt = null,
                };
                return new StepPlan(Commit(record, appended, addOutbox, addInbox), _redispatch, null, false);

            case OrchestrationRuntimeStatus.ContinuedAsNew:
                return ContinueAsNew(started, result, record, addOutbox);

            default:
                var wakeAt = addInbox.Select(m => m.VisibleAt).Min();
                record = record with { NextWakeAt = NextWakeAt(addInbox) };
                return new StepPlan(Commit(record, appended, addOutbox, addInbox), _redispatch, wakeAt, false);
        }
    }

    private StepPlan ContinueAsNew(ExecutionStarted started, ExecutionResult result, InstanceRecord record, List<OutboxRecord> addOutbox)
    {
        ConsumeAllInbox();
        var newExecution = Guid.NewGuid().ToString("N");
        var start = started with { Input = result.ContinueAsNewInput, Timestamp = _now, ExecutionId = newExecution, MessageId = null };
        var addInbox = new List<InboxRecord> { EngineJson.ToInbox(MessageIds.Start(InstanceId, newExecution), start) };
        var n = 0;
        foreach (var carried in result.CarriedEvents)
        {
            addInbox.Add(EngineJson.ToInbox(MessageIds.Carried(InstanceId, newExecution, n++), carried with { MessageId = null, ExecutionId = null }));
        }

        record = record with
        {
            ExecutionId = newExecution,
            Generation = _record.Generation + 1,
            Input = result.ContinueAsNewInput,
            Output = null,
            FailureDetails = null,
            NextWakeAt = _now,
        };
        return new StepPlan(Commit(record, [], addOutbox, addInbox, replaceHistory: true), _redispatch, null, true);
    }

    private StepPlan Terminate(InboxRecord row, ExecutionTerminated terminated)
    {
        ConsumeAllInbox();
        var started = FindStarted();
        var appended = new List<HistoryEvent>
        {
            new OrchestratorStarted { Timestamp = _now },
            terminated with { MessageId = row.MessageId, Timestamp = _now },
        };
        var addOutbox = new List<OutboxRecord>();
        if (started is not null && ParentResult(started, new SubOrchestrationInstanceFailed(
            started.ParentTaskId ?? -1,
            new TaskFailureDetails("Terminated", $"Orchestration '{InstanceId}' was terminated: {terminated.Output}", IsNonRetriable: true))) is { } toParent)
        {
            addOutbox.Add(toParent);
        }

        var record = _record with
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Terminated,
            Output = terminated.Output,
            CompletedAt = _now,
            NextWakeAt = null,
        };
        return new StepPlan(Commit(record, appended, addOutbox, []), _redispatch, null, false);
    }

    private StepPlan Suspended(List<HistoryEvent> control)
    {
        if (control.Count == 0)
        {
            return Housekeeping(OrchestrationRuntimeStatus.Suspended) is { Commit: { } c } plan
                ? plan with { Commit = c with { Record = c.Record with { NextWakeAt = null } } }
                : new StepPlan(null, _redispatch, null, false);
        }

        var record = _record with { RuntimeStatus = OrchestrationRuntimeStatus.Suspended, NextWakeAt = null };
        return new StepPlan(Commit(record, [new OrchestratorStarted { Timestamp = _now }, .. control], [], []), _redispatch, null, false);
    }

    private void ConsumeAllInbox()
    {
        foreach (var m in _snapshot.Inbox)
        {
            _consumed.Add(m.MessageId);
        }
    }

    private OutboxRecord? ParentResult(ExecutionStarted started, HistoryEvent result)
    {
        if (started.ParentInstanceId is null || started.ParentTaskId is not { } taskId || started.ParentExecutionId is null)
        {
            return null;
        }

        var id = MessageIds.SubOrchestrationResult(started.ParentInstanceId, started.ParentExecutionId, taskId);
        var message = result with { Timestamp = _now, ExecutionId = started.ParentExecutionId, MessageId = id };
        return new OutboxRecord(id, OutboxKind.InstanceMessage, started.ParentInstanceId, EngineJson.Serialize(message));
    }

    private OutboxRecord CreateChild(ExecutionStarted parent, CreateSubOrchestrationAction c)
    {
        var childExecution = Guid.NewGuid().ToString("N");
        var start = new ExecutionStarted(c.Name, c.Version, c.Input)
        {
            ParentInstanceId = InstanceId,
            ParentName = parent.Name,
            ParentExecutionId = _record.ExecutionId,
            ParentTaskId = c.Id,
            Timestamp = _now,
            ExecutionId = childExecution,
        };
        var record = new InstanceRecord
        {
            InstanceId = c.InstanceId,
            Name = c.Name,
            Version = c.Version,
            ExecutionId = childExecution,
            RuntimeStatus = OrchestrationRuntimeStatus.Pending,
            Input = c.Input,
            CreatedAt = _now,
            LastUpdatedAt = _now,
            ParentInstanceId = InstanceId,
        };
        var payload = new CreateInstancePayload(record, EngineJson.ToInbox(MessageIds.Start(c.InstanceId, childExecution), start));
        return new OutboxRecord(MessageIds.SubOrchestration(InstanceId, _record.ExecutionId, c.Id), OutboxKind.CreateInstance, c.InstanceId, EngineJson.Serialize(payload));
    }
}
