namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// A stage's decisions as pure functions of its state and "now" (the run's logical time), so the command loop that
/// waits and runs effects is written once (<see cref="StageLoop{TState}"/>) and each stage's rules are unit-tested alone.
/// </summary>
public interface IStageLogic<TState>
    where TState : StageState
{
    /// <summary>What falls due by <paramref name="now"/> (effects to run) and when the stage next needs to wake.</summary>
    StageStep<TState> Due(TState state, DateTime now);

    /// <summary>The status to show.</summary>
    CycleStatus Shown(TState state, DateTime now);

    /// <summary>Applies a command not seen before, or refuses it with the reason the person sees.</summary>
    StageStep<TState> Apply(TState state, WorkflowCommand command, DateTime now);
}
