using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Durable.Execution;
using ReviewWorkflow.Durable.History;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Engine;

public sealed partial class DurableWorker
{
    private async Task RunActivityAsync(ActivityWorkItem item, CancellationToken cancellationToken)
    {
        HistoryEvent result;
        if (!_registry.TryGetActivity(item.Name, out var factory))
        {
            result = new TaskFailed(item.TaskId, new TaskFailureDetails("ActivityTaskNotFound", $"No activity named '{item.Name}' is registered.", IsNonRetriable: true));
        }
        else
        {
            try
            {
                var scope = _services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var activity = factory(scope.ServiceProvider);
                    var input = DurableJson.Deserialize(item.Input, activity.InputType);
                    var output = await activity.RunAsync(new ActivityContext(item.Name, item.InstanceId, item.TaskId), input).ConfigureAwait(false);
                    result = new TaskCompleted(item.TaskId, DurableJson.Serialize(output));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // An activity's exception is its result: the orchestrator sees a TaskFailedException.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result = new TaskFailed(item.TaskId, TaskFailureDetails.FromException(ex));
            }
        }

        result = result with { Timestamp = _time.GetUtcNow(), ExecutionId = item.ExecutionId };
        var message = EngineJson.ToInbox(MessageIds.ActivityResult(item.InstanceId, item.ExecutionId, item.TaskId), result);
        if (await _store.TryAppendInboxAsync(item.InstanceId, message, cancellationToken).ConfigureAwait(false))
        {
            await WakeAsync(item.InstanceId, allowLocalStep: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class ActivityContext(TaskName name, string instanceId, int taskId) : TaskActivityContext
    {
        public override TaskName Name => name;

        public override string InstanceId => instanceId;

        public override int TaskId => taskId;
    }
}
