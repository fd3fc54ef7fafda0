namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>What every stage's state holds: the status as last shown. <see cref="StageLoop{TState}"/> keeps it current
/// after each publication, so a stage's revision and recent commands carry on from the published status.</summary>
public abstract record StageState
{
    /// <summary>The status as last shown (its revision and recent commands carry on from here).</summary>
    public CycleStatus Status { get; init; } = new();
}
