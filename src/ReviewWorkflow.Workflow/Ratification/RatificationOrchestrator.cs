using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Ratification;

/// <summary>
/// Ratification (every version): body by body, reminders to lead and clerk before each statutory date (report publication,
/// key-decision notice; <see cref="DueReminders"/>: late rather than never, a later body's publication only once the
/// earlier bodies decided), a weekly escalation to clerk and lead from the working day after a meeting whose decision is
/// not recorded (<see cref="DecisionEscalation"/>), and the clerk's decisions applied through <see cref="DecisionOutcomes.Effect"/>. A decision that does not fit
/// (wrong body, wrong meeting, missing minute) is refused in the audit trail and changes nothing. The decisions are
/// <see cref="RatificationStage"/>'s; this class only waits and runs the effects they return.
/// </summary>
public sealed class RatificationOrchestrator : TaskOrchestrator<RatificationInput, RatificationResult>
{
    public override async Task<RatificationResult> RunAsync(TaskOrchestrationContext context, RatificationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var stage = new RatificationStage(input, context.InstanceId);
        var inbox = new CycleInbox(context, input.Now);
        var loop = new StageLoop<RatificationState>(context, inbox, stage);
        var state = stage.Start();
        while (!RatificationStage.Ended(state))
        {
            state = await loop.TurnAsync(state);
        }

        var status = loop.HandOver(RatificationStage.Final(state, inbox.Now));
        return RatificationStage.Result(state, status, inbox.Now);
    }

    /// <summary>Reminders of key-decision notices for bodies from <paramref name="fromIndex"/> (the parent sends these before ratification).</summary>
    internal static async Task SendDueKeyDecisionRemindersAsync(TaskOrchestrationContext context, DateTime now, ReviewCycleDefinition definition, CouncilSettings settings, List<string> sent)
    {
        var dueNow = DueReminders.Now(RatificationReminders.For(definition, settings, 0, keyDecisionOnly: true), sent, now, 0, settings);
        foreach (var reminder in dueNow)
        {
            sent.Add(reminder.Key);
            await StageEffect.RunAllAsync(context, RatificationNotices.Reminder(definition, reminder, DueReminders.CoveredBy(reminder, dueNow)));
        }
    }

    /// <summary>When the next key-decision reminder is due, or null.</summary>
    internal static DateTime? NextKeyDecisionReminder(ReviewCycleDefinition definition, CouncilSettings settings, List<string> sent) =>
        DueReminders.Next(RatificationReminders.For(definition, settings, 0, keyDecisionOnly: true), sent, 0, settings);
}
