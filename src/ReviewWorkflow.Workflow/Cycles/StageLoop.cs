using Microsoft.DurableTask;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// The command loop every stage shares, one turn at a time: run what is due, show the status, wait for the next due time
/// or a command (a command id already taken is skipped), apply it. Its durable steps are those the consultation,
/// drafting and ratification orchestrators took inline before, in the same order, so running cycles replay unchanged.
/// </summary>
internal sealed class StageLoop<TState>(TaskOrchestrationContext context, CycleInbox inbox, IStageLogic<TState> stage)
    where TState : StageState
{
    private readonly CycleStatusPublisher _publisher = new(context);

    /// <summary>One turn; returns the state after it (the caller decides whether the stage goes on).</summary>
    public async Task<TState> TurnAsync(TState state)
    {
        var due = stage.Due(state, inbox.Now);
        await StageEffect.RunAllAsync(context, due.Effects);
        var shown = await _publisher.PublishAsync(stage.Shown(due.State, inbox.Now));
        state = (TState)(due.State with { Status = shown }); // a record's copy keeps its own type
        if (await inbox.NextNewCommandAsync(due.Next, shown) is not { } command)
        {
            return state;
        }

        var applied = stage.Apply(state, command, inbox.Now);
        await StageEffect.RunAllAsync(context, applied.Effects);
        return applied.State;
    }

    /// <summary>Shows the stage's last status and hands it to the parent (<see cref="CycleStatusPublisher.HandOver"/>).</summary>
    public CycleStatus HandOver(CycleStatus status) => _publisher.HandOver(status);
}
