using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Engine;

public sealed partial class DurableWorker
{
    /// <summary>Hands on one outbox record. Idempotent: dispatching a record twice has no further effect on instances.</summary>
    private async Task DispatchAsync(string instanceId, OutboxRecord record, CancellationToken cancellationToken)
    {
        switch (record.Kind)
        {
            case OutboxKind.Activity:
                await _store.SendActivityAsync(record.Json, cancellationToken).ConfigureAwait(false);
                _signal.Notify(WorkItemKind.Activity);
                break;
            case OutboxKind.InstanceMessage:
                var target = record.TargetInstanceId ?? instanceId;
                var e = EngineJson.Parse(record.Json);
                if (await _store.TryAppendInboxAsync(target, new InboxRecord(record.MessageId, e.EventType, record.Json), cancellationToken).ConfigureAwait(false))
                {
                    await WakeAsync(target, cancellationToken).ConfigureAwait(false);
                }

                break;
            case OutboxKind.CreateInstance:
                var payload = EngineJson.Deserialize<CreateInstancePayload>(record.Json);
                if (await _store.TryCreateInstanceAsync(payload.Record, payload.Start, cancellationToken).ConfigureAwait(false))
                {
                    await WakeAsync(payload.Record.InstanceId, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    Log.TargetExists(_logger, instanceId, payload.Record.InstanceId);
                }

                break;
            case OutboxKind.Wakeup:
                var due = record.DueAt ?? _time.GetUtcNow();
                await _store.SendWakeupAsync(record.TargetInstanceId ?? instanceId, due - _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Unknown outbox kind {record.Kind}.");
        }

        _dispatched[(instanceId, record.MessageId)] = _time.GetUtcNow();
    }

    private async Task WakeAsync(string instanceId, CancellationToken cancellationToken)
    {
        await _store.SendWakeupAsync(instanceId, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        _signal.Notify(WorkItemKind.Orchestration);
    }
}
