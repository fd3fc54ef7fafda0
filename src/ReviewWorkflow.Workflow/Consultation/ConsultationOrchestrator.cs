using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>
/// The consultation (every version): at the opening day's send time, one request per consultee; reminders on the
/// schedule's dates to those who have not submitted (and did not bounce); the escalation to the lead; extensions and
/// early closing from the lead; bounces flagged to the lead; at the end of the closing day, counts per group. The decisions
/// are <see cref="ConsultationStage"/>'s; this class only waits and runs the effects they return.
/// </summary>
public sealed class ConsultationOrchestrator : TaskOrchestrator<ConsultationInput, ConsultationResult>
{
    public override async Task<ConsultationResult> RunAsync(TaskOrchestrationContext context, ConsultationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var stage = new ConsultationStage(input);
        var inbox = new CycleInbox(context, input.Now);
        var loop = new StageLoop<ConsultationState>(context, inbox, stage);
        var state = stage.Start(context.InstanceId);
        while (stage.IsOpen(state, inbox.Now))
        {
            if (stage.RequestsDue(state, inbox.Now))
            {
                var sent = await context.CallActivityAsync<SendRequestsResult>(nameof(SendConsultationRequestsActivity), stage.Requests(state), WorkflowRetry.Activity);
                state = ConsultationStage.RequestsSent(state, sent);
                continue;
            }

            state = await loop.TurnAsync(state);
        }

        var counts = await context.CallActivityAsync<CycleCounts>(nameof(CountResponsesActivity), stage.Count(state), WorkflowRetry.Activity);
        await StageEffect.RunAllAsync(context, [stage.ClosedAudit(counts)]);
        var status = loop.HandOver(ConsultationStage.Closed(state, counts, inbox.Now));
        return ConsultationStage.Result(state, counts, status, inbox.Now);
    }
}
