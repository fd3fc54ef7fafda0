namespace ReviewWorkflow.DurableTask.Tests.Tasks;

/// <summary>Holds <see cref="SlowActivity"/> executions until opened, and lets a test wait until one has started.</summary>
public sealed class ActivityGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Entered() => _entered.TrySetResult();

    public Task WhenEnteredAsync() => _entered.Task.WaitAsync(TimeSpan.FromSeconds(60));

    public void Open() => _open.TrySetResult();

    public Task WaitAsync() => _open.Task;
}
