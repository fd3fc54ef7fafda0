namespace ReviewWorkflow.DurableTask.Engine;

/// <summary>
/// Counts work items a worker has locked and not yet finished (from lock to complete, abandon or release), so an
/// idle check can see work that has left its queue message's count but not yet written its results.
/// </summary>
internal sealed class WorkInFlight
{
    private int _orchestrations;
    private int _activities;

    public int Orchestrations => Volatile.Read(ref _orchestrations);

    public int Activities => Volatile.Read(ref _activities);

    public void OrchestrationLocked() => Interlocked.Increment(ref _orchestrations);

    public void OrchestrationDone() => Interlocked.Decrement(ref _orchestrations);

    public void ActivityLocked() => Interlocked.Increment(ref _activities);

    public void ActivityDone() => Interlocked.Decrement(ref _activities);

    /// <summary>Forgets a crashed worker's work: it will be redelivered from storage.</summary>
    public void Forget(int orchestrations, int activities)
    {
        Interlocked.Add(ref _orchestrations, -orchestrations);
        Interlocked.Add(ref _activities, -activities);
    }
}
