using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Directory;
using ReviewWorkflow.DurableTask;
using ReviewWorkflow.Notifications;
using ReviewWorkflow.Workflow.PersonalData;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.Hosting;

/// <summary>
/// The one registration of what runs review cycles, shared by every host: the web app (embedded worker locally, client
/// only in Azure), the worker-only process and the Azure Functions app. One place, so an activity's dependencies cannot
/// be registered in one host and forgotten in another.
/// </summary>
public static class ReviewCycleRuntime
{
    /// <summary>
    /// Storage clients (<c>AzureWebJobsStorage</c>), the workflow's services (section <c>Workflow</c>), email (section
    /// <c>Email</c>), the directory (section <c>Directory</c>) and the Durable Task layer (section <c>Durable</c>) with the
    /// review cycle's orchestrators and activities: the DTFx worker runs them unless <c>Durable:WorkerEnabled</c> is false.
    /// </summary>
    public static IServiceCollection AddReviewCycleRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddReviewWorkflowStorage(configuration);
        services.AddReviewCycleServices(configuration);
        services.AddReviewWorkflowEmail(configuration);
        services.AddReviewWorkflowDirectory(configuration);
        services.AddReviewWorkflowDurableTask(configuration, tasks => tasks.AddReviewCycleTasks().AddPersonalDataTasks());
        services.AddPersonalData(configuration);
        return services;
    }
}
