using ReviewWorkflow.DurableTask.Registration;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Drafting;
using ReviewWorkflow.Workflow.Monitoring;
using ReviewWorkflow.Workflow.Ratification;

namespace ReviewWorkflow.Workflow.Hosting;

public static class ReviewCycleTasks
{
    /// <summary>The review cycle's orchestrators (current versions) and activities, in one registration.</summary>
    public static WorkflowTaskRegistry AddReviewCycleTasks(this WorkflowTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<ReviewCycleOrchestrator>(OrchestrationNames.ReviewCycle, OrchestrationNames.CurrentVersion);
        registry.AddOrchestrator<ConsultationOrchestrator>(OrchestrationNames.Consultation, OrchestrationNames.CurrentVersion);
        registry.AddOrchestrator<DraftingOrchestrator>(OrchestrationNames.Drafting, OrchestrationNames.CurrentVersion);
        registry.AddOrchestrator<RatificationOrchestrator>(OrchestrationNames.Ratification, OrchestrationNames.CurrentVersion);
        registry.AddOrchestrator<MonitoringOrchestrator>(OrchestrationNames.Monitoring, OrchestrationNames.CurrentVersion);
        registry.AddActivity<AppendAuditActivity>();
        registry.AddActivity<SendStaffNoticeActivity>();
        registry.AddActivity<ResolveConsulteesActivity>();
        registry.AddActivity<SendConsultationRequestsActivity>();
        registry.AddActivity<SendConsultationRemindersActivity>();
        registry.AddActivity<SendEscalationActivity>();
        registry.AddActivity<SendBounceNoticeActivity>();
        registry.AddActivity<CountResponsesActivity>();
        return registry;
    }
}
