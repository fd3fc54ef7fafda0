using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Durable;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Orchestrations;

public static class ReviewCycleWorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Everything the review cycle needs: <see cref="WorkflowServiceCollectionExtensions.AddReviewCycleServices"/> plus the
    /// durable runtime with the orchestrators and activities. <paramref name="durable"/> configures the runtime further
    /// (e.g. <c>b => b.Services.AddDurableAzureStorage(configuration)</c>). Call once; a host that calls AddDurableTask
    /// itself uses <see cref="AddReviewCycleOrchestrations"/> and AddReviewCycleServices instead.
    /// </summary>
    public static IServiceCollection AddReviewCycleWorkflow(this IServiceCollection services, IConfiguration configuration, Action<DurableTaskBuilder>? durable = null)
    {
        services.AddReviewCycleServices(configuration);
        services.AddDurableTask(b =>
        {
            b.AddReviewCycleOrchestrations();
            durable?.Invoke(b);
        });
        return services;
    }

    /// <summary>Registers the orchestrators (current versions) and the activities.</summary>
    public static DurableTaskBuilder AddReviewCycleOrchestrations(this DurableTaskBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddOrchestrator<ReviewCycleOrchestrator>(OrchestrationNames.ReviewCycle, OrchestrationNames.CurrentVersion)
            .AddOrchestrator<ConsultationOrchestrator>(OrchestrationNames.Consultation, OrchestrationNames.CurrentVersion)
            .AddOrchestrator<DraftingOrchestrator>(OrchestrationNames.Drafting, OrchestrationNames.CurrentVersion)
            .AddOrchestrator<RatificationOrchestrator>(OrchestrationNames.Ratification, OrchestrationNames.CurrentVersion)
            .AddOrchestrator<MonitoringOrchestrator>(OrchestrationNames.Monitoring, OrchestrationNames.CurrentVersion)
            .AddReviewCycleActivities();
    }
}
