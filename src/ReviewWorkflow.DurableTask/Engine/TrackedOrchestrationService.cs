using DurableTask.Core;

namespace ReviewWorkflow.DurableTask.Engine;

/// <summary>
/// The worker's view of the provider: counts work in flight for idle checks, and can be cut off as a crash would —
/// after <see cref="CutOff"/> nothing the worker still finishes reaches storage (no completion, abandon or renewal),
/// so its locked messages reappear only when their visibility timeout ends, exactly as after a killed process.
/// </summary>
internal sealed class TrackedOrchestrationService(IOrchestrationService inner, WorkInFlight inFlight) : IOrchestrationService
{
    private readonly Lock _counts = new();
    private volatile bool _cutOff;
    private int _orchestrations;
    private int _activities;

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    /// <summary>From now on nothing reaches storage, and this worker's work no longer counts as in flight.</summary>
    public void CutOff()
    {
        lock (_counts)
        {
            _cutOff = true;
            inFlight.Forget(_orchestrations, _activities);
            _orchestrations = 0;
            _activities = 0;
        }
    }

    public Task StartAsync() => inner.StartAsync();

    public Task StopAsync() => inner.StopAsync();

    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        if (_cutOff)
        {
            await Task.Delay(receiveTimeout, cancellationToken).ConfigureAwait(false);
            return null!;
        }

        var workItem = await inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken).ConfigureAwait(false);
        if (workItem is not null)
        {
            Count(ref _orchestrations, +1, inFlight.OrchestrationLocked);
        }

        return workItem!;
    }

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) =>
        Alive().RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        Alive().CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        Alive().AbandonTaskOrchestrationWorkItemAsync(workItem);

    public async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        try
        {
            await Alive().ReleaseTaskOrchestrationWorkItemAsync(workItem).ConfigureAwait(false);
        }
        finally
        {
            Count(ref _orchestrations, -1, inFlight.OrchestrationDone);
        }
    }

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        if (_cutOff)
        {
            await Task.Delay(receiveTimeout, cancellationToken).ConfigureAwait(false);
            return null!;
        }

        var workItem = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken).ConfigureAwait(false);
        if (workItem is not null)
        {
            Count(ref _activities, +1, inFlight.ActivityLocked);
        }

        return workItem!;
    }

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        Alive().RenewTaskActivityWorkItemLockAsync(workItem);

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        try
        {
            await Alive().CompleteTaskActivityWorkItemAsync(workItem, responseMessage).ConfigureAwait(false);
        }
        finally
        {
            Count(ref _activities, -1, inFlight.ActivityDone);
        }
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        try
        {
            await Alive().AbandonTaskActivityWorkItemAsync(workItem).ConfigureAwait(false);
        }
        finally
        {
            Count(ref _activities, -1, inFlight.ActivityDone);
        }
    }

    private void Count(ref int local, int delta, Action shared)
    {
        lock (_counts)
        {
            if (!_cutOff)
            {
                local += delta;
                shared();
            }
        }
    }

    private IOrchestrationService Alive() =>
        _cutOff ? throw new WorkerCutOffException() : inner;
}
