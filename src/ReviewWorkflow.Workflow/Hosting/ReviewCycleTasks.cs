using ReviewWorkflow.DurableTask.Registration;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Drafting;
using ReviewWorkflow.Workflow.Monitoring;
using ReviewWorkflow.Workflow.Ratification;

namespace ReviewWorkflow.Workflow.Hosting;

public static class ReviewCycleTasks
{
    /// <summary>The review cycle's orchestrators (every version still running) and activities, in one registration.</summary>
    public static WorkflowTaskRegistry AddReviewCycleTasks(this WorkflowTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var version in OrchestrationNames.Versions)
        {
            registry.AddOrchestrator<ReviewCycleOrchestrator>(OrchestrationNames.ReviewCycle, version);
            registry.AddOrchestrator<ConsultationOrchestrator>(OrchestrationNames.Consultation, version);
            registry.AddOrchestrator<DraftingOrchestrator>(OrchestrationNames.Drafting, version);
            registry.AddOrchestrator<RatificationOrchestrator>(OrchestrationNames.Ratification, version);
            registry.AddOrchestrator<MonitoringOrchestrator>(OrchestrationNames.Monitoring, version);
        }

        registry.AddActivity<AppendAuditActivity>();
        registry.AddActivity<SendStaffNoticeActivity>();
        registry.AddActivity<ResolveConsulteesActivity>();
        registry.AddActivity<SendConsultationRequestsActivity>();
        registry.AddActivity<SendConsultationRemindersActivity>();
        registry.AddActivity<SendEscalationActivity>();
        registry.AddActivity<SendBounceNoticeActivity>();
        registry.AddActivity<CountResponsesActivity>();
        registry.AddActivity<ProjectCycleActivity>();
        return registry;
    }
}
