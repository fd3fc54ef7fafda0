namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// What a stage's pure logic decided: its new state, the effects to run now (in order), and — for "what is due" — when
/// the stage next needs to wake up (null: only a command can move it on).
/// </summary>
public sealed record StageStep<TState>(TState State, IReadOnlyList<StageEffect> Effects, DateTime? Next = null);
