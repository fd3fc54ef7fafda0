using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Drafting;
using ReviewWorkflow.Workflow.Monitoring;
using ReviewWorkflow.Workflow.Ratification;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// A review cycle (version 2 also writes the read model, see <see cref="CycleStatusPublisher"/>): resolve consultees (→ hold while the directory cannot be read) → Consultation → (summary in the audit) → Drafting → Ratification
/// → adopted → Monitoring; a refer-back loops to Drafting and resumes the route at the body that referred it; a
/// rejection closes the cycle. Key-decision notice reminders, which fall due before ratification, are sent from here
/// while consultation and drafting run. Instance id = cycle id; children are <c>{cycle}:{stage}-{round}</c>.
/// </summary>
public sealed class ReviewCycleOrchestrator : TaskOrchestrator<ReviewCycleInput, ReviewCycleResult>
{
    public override async Task<ReviewCycleResult> RunAsync(TaskOrchestrationContext context, ReviewCycleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var publisher = new CycleStatusPublisher(context);
        var definition = input.Definition;
        var settings = input.Settings;
        var cycleId = definition.Id;
        var sentReminders = new List<string>();
        var inbox = new CycleInbox(context, input.StartedAt ?? context.CurrentUtcDateTime);
        var status = await publisher.PublishAsync(CycleStatusPublisher.First(definition, inbox.Now), input);

        var resolved = await context.CallActivityAsync<ResolvedConsultees>(nameof(ResolveConsulteesActivity), new ResolveConsulteesInput(cycleId, definition), WorkflowRetry.Activity);
        await OrchestrationSteps.AuditAsync(context, cycleId, AuditActions.ConsulteesResolved, $"{resolved.Consultees.Count} consultees", $"consultees-resolved/{cycleId}",
            resolved.Problems.Select((p, i) => (p, i)).ToDictionary(x => $"problem{x.i + 1}", x => x.p));
        if (resolved.Unreachable.Count > 0)
        {
            // Only when the directory did not answer (so recorded histories replay unchanged): nobody is consulted until
            // every group can be read.
            (resolved, definition, status) = await ConsultationHoldStep.RunAsync(context, inbox, definition, settings, resolved, status, sentReminders);
        }

        var consultationId = OrchestrationNames.ConsultationId(cycleId, 1);
        status = status with { ActiveInstanceId = consultationId, Counts = status.Counts with { Consultees = resolved.Consultees.Count } };
        var consultation = await WithKeyDecisionRemindersAsync(context, await publisher.StartChildAsync(status, s => context.CallSubOrchestratorAsync<ConsultationResult>(
            OrchestrationNames.Consultation,
            new ConsultationInput { CycleId = cycleId, Round = 1, Definition = definition, Settings = settings, Consultees = resolved.Consultees, Status = s, Now = inbox.Now },
            Child(context, consultationId))), inbox, definition, input, sentReminders);
        inbox.Advance(consultation.Now);
        definition = definition with { Consultation = definition.Consultation with { Closes = consultation.Closes } };
        status = consultation.Status;

        var round = 0;
        var startIndex = 0;
        DecisionSummary? referral = null;
        RatificationResult ratification;
        do
        {
            round++;
            var draftingId = OrchestrationNames.DraftingId(cycleId, round);
            status = status with { Stage = CycleStage.Drafting, ActiveInstanceId = draftingId, DraftRound = round, UpdatedAt = inbox.Now };
            var drafting = await WithKeyDecisionRemindersAsync(context, await publisher.StartChildAsync(status, s => context.CallSubOrchestratorAsync<DraftingResult>(
                OrchestrationNames.Drafting,
                new DraftingInput { CycleId = cycleId, Round = round, Definition = definition, Settings = settings, Status = s, ReferredBack = referral, Now = inbox.Now },
                Child(context, draftingId))), inbox, definition, input, sentReminders);
            inbox.Advance(drafting.Now);
            status = drafting.Status;

            var ratificationId = OrchestrationNames.RatificationId(cycleId, round);
            status = status with { Stage = CycleStage.Ratification, ActiveInstanceId = ratificationId, UpdatedAt = inbox.Now };

            // Shown until the ratification reports its own status: the body the report goes to first, so the cycle never
            // reads "ratification" with no current body. (Only the shown status: the child's input is unchanged.)
            var shown = startIndex < definition.Route.Count
                ? status with { CurrentBody = definition.Route[startIndex].Body, CurrentBodyIndex = startIndex }
                : status;
            ratification = await await publisher.StartChildAsync(status, s => context.CallSubOrchestratorAsync<RatificationResult>(
                OrchestrationNames.Ratification,
                new RatificationInput { CycleId = cycleId, Round = round, Definition = definition, Settings = settings, StartIndex = startIndex, Status = s, SentReminders = sentReminders, Now = inbox.Now },
                Child(context, ratificationId)), shown);
            inbox.Advance(ratification.Now);
            sentReminders = [.. ratification.SentReminders];
            definition = definition with { Route = ratification.Route };
            status = ratification.Status;
            // A refer-back drafts again and resumes the route at the body that referred it.
            startIndex = ratification.BodyIndex;
            referral = ratification.Decision;
        }
        while (ratification.Outcome == RatificationOutcome.ReferredBack);

        if (ratification.Outcome == RatificationOutcome.Rejected)
        {
            var decision = ratification.Decision;
            var reason = $"Rejected by {decision.Body} on {Format(decision.MeetingDate)} (minute {decision.MinuteReference})";
            await OrchestrationSteps.AuditAsync(context, cycleId, AuditActions.CycleClosed, decision.Body, $"cycle-closed/{cycleId}",
                new Dictionary<string, string> { ["reason"] = reason });
            status = status with { Stage = CycleStage.Closed, ClosedReason = reason, ActiveInstanceId = null, NextDeadline = null, UpdatedAt = inbox.Now };
            status = await publisher.PublishAsync(status);
            return new ReviewCycleResult(CycleStage.Closed, null, reason, null);
        }

        var adoptedOn = status.Decisions[^1].MeetingDate;
        await OrchestrationSteps.AuditAsync(context, cycleId, AuditActions.Adopted, status.Decisions[^1].Body, $"adopted/{cycleId}",
            new Dictionary<string, string> { ["adoptedOn"] = $"{adoptedOn:yyyy-MM-dd}", ["minute"] = status.Decisions[^1].MinuteReference });
        var monitoringId = OrchestrationNames.MonitoringId(cycleId);
        status = status with
        {
            Stage = CycleStage.Adopted,
            AdoptedOn = adoptedOn,
            CurrentBody = null,
            CurrentBodyIndex = null,
            ActiveInstanceId = monitoringId,
            UpdatedAt = inbox.Now,
        };
        var monitoring = await await publisher.StartChildAsync(status, s => context.CallSubOrchestratorAsync<MonitoringResult>(
            OrchestrationNames.Monitoring,
            new MonitoringInput { CycleId = cycleId, Definition = definition, Settings = settings, AdoptedOn = adoptedOn, Status = s, Now = inbox.Now },
            Child(context, monitoringId)));
        inbox.Advance(monitoring.Now);
        status = monitoring.Status with { ActiveInstanceId = null, NextDeadline = null, UpdatedAt = inbox.Now };
        status = await publisher.PublishAsync(status);
        return new ReviewCycleResult(CycleStage.Adopted, adoptedOn, null, monitoring.NextReviewNotifiedOn);
    }

    /// <summary>A child runs the parent's version: a version 1 cycle stays version 1 to its end.</summary>
    private static SubOrchestrationOptions Child(TaskOrchestrationContext context, string instanceId) => new(retry: null, instanceId) { Version = context.Version };

    /// <summary>Awaits <paramref name="child"/> while sending the key-decision notice reminders that fall due meanwhile
    /// (each woken by the parent's own wake-up; the child runs on its own logical time).</summary>
    private static async Task<T> WithKeyDecisionRemindersAsync<T>(TaskOrchestrationContext context, Task<T> child, CycleInbox inbox, ReviewCycleDefinition definition, ReviewCycleInput input, List<string> sent)
    {
        while (!child.IsCompleted)
        {
            await RatificationOrchestrator.SendDueKeyDecisionRemindersAsync(context, inbox.Now, definition, input.Settings, sent);
            if (child.IsCompleted || RatificationOrchestrator.NextKeyDecisionReminder(definition, input.Settings, sent) is not { } next)
            {
                break;
            }

            await inbox.WaitAsync(child, next);
        }

        return await child;
    }
}
