namespace ReviewWorkflow.Workflow.Cycles.ReadModel;

/// <summary>
/// Told each time a cycle's read-model row changes (by <see cref="ProjectCycleActivity"/>, at least once per change and
/// possibly again): calendar invitations and the like follow the cycle from here instead of adding steps to the
/// orchestrators. Implementations must be idempotent.
/// </summary>
public interface ICycleChangeListener
{
    Task CycleChangedAsync(ReviewCycleRecord cycle, CancellationToken cancellationToken);
}
