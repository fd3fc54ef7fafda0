using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Workflow.Drafting;

/// <summary>
/// Drafting (every version): waits for the lead's draft (it never times out: an overdue draft shows as overdue), reminds the
/// lead before the drafting deadline (first round only), and when the cycle names a director, asks for sign-off and
/// waits for it; a declined sign-off waits for a revised draft. After a refer-back it first tells the lead what the body asked.
/// The decisions are <see cref="DraftingStage"/>'s; this class only waits and runs the effects they return.
/// </summary>
public sealed class DraftingOrchestrator : TaskOrchestrator<DraftingInput, DraftingResult>
{
    public override async Task<DraftingResult> RunAsync(TaskOrchestrationContext context, DraftingInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var stage = new DraftingStage(input);
        var inbox = new CycleInbox(context, input.Now);
        var loop = new StageLoop<DraftingState>(context, inbox, stage);
        var state = stage.Start(context.InstanceId, inbox.Now);
        await StageEffect.RunAllAsync(context, stage.Opening());
        while (!state.Done)
        {
            state = await loop.TurnAsync(state);
        }

        var status = loop.HandOver(DraftingStage.Final(state, inbox.Now));
        return DraftingStage.Result(state, status, inbox.Now);
    }
}
