using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Drafting;
using ReviewWorkflow.Workflow.Monitoring;
using ReviewWorkflow.Workflow.PersonalData;
using ReviewWorkflow.Workflow.Ratification;

namespace ReviewWorkflow.Functions.Orchestrators;

/// <summary>
/// One Durable Functions orchestrator per registered orchestration name (the function name IS the name callers start and
/// call), each delegating to the class registered for the instance's version. No workflow logic lives here.
/// </summary>
public sealed class OrchestratorFunctions(RegisteredOrchestrators orchestrators)
{
    [Function(OrchestrationNames.ReviewCycle)]
    public Task<ReviewCycleResult> ReviewCycle([OrchestrationTrigger] TaskOrchestrationContext context) =>
        orchestrators.RunAsync<ReviewCycleInput, ReviewCycleResult>(context);

    [Function(OrchestrationNames.Consultation)]
    public Task<ConsultationResult> Consultation([OrchestrationTrigger] TaskOrchestrationContext context) =>
        orchestrators.RunAsync<ConsultationInput, ConsultationResult>(context);

    [Function(OrchestrationNames.Drafting)]
    public Task<DraftingResult> Drafting([OrchestrationTrigger] TaskOrchestrationContext context) =>
        orchestrators.RunAsync<DraftingInput, DraftingResult>(context);

    [Function(OrchestrationNames.Ratification)]
    public Task<RatificationResult> Ratification([OrchestrationTrigger] TaskOrchestrationContext context) =>
        orchestrators.RunAsync<RatificationInput, RatificationResult>(context);

    [Function(OrchestrationNames.Monitoring)]
    public Task<MonitoringResult?> Monitoring([OrchestrationTrigger] TaskOrchestrationContext context) =>
        orchestrators.RunAsync<MonitoringInput, MonitoringResult?>(context);

    [Function(PersonalDataRetentionOrchestrator.Name)]
    public Task<object?> PersonalDataRetention([OrchestrationTrigger] TaskOrchestrationContext context) =>
        orchestrators.RunAsync<RetentionInput, object?>(context);
}
