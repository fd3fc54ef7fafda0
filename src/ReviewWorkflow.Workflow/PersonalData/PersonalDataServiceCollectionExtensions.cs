using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewWorkflow.DurableTask.Registration;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Workflow.PersonalData;

public static class PersonalDataServiceCollectionExtensions
{
    /// <summary>Subject access, erasure and retention's services (on <see cref="WorkflowTables.PersonalData"/>), and the
    /// hosted starter of the retention orchestration when this process runs the worker.</summary>
    public static IServiceCollection AddPersonalData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(sp => new PersonalDataRegister(sp.GetRequiredService<WorkflowTables>().PersonalData));
        services.TryAddSingleton<PersonalDataLocator>();
        services.TryAddSingleton<PersonalDataEraser>();
        services.TryAddSingleton<RetentionSchedule>();
        services.TryAddSingleton<RetentionPass>();
        services.TryAddSingleton<SubjectAccess>();
        services.TryAddSingleton<ErasureRequests>();
        if (configuration.GetValue("Durable:WorkerEnabled", true))
        {
            services.AddHostedService<RetentionStarter>();
        }

        return services;
    }

    /// <summary>The retention orchestrator and its activity.</summary>
    public static WorkflowTaskRegistry AddPersonalDataTasks(this WorkflowTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        // Its steps have not changed since version 1: the same class answers every version the app registers, so an
        // instance started (or continued as new) at any of them keeps running when the current version moves on.
        foreach (var version in Cycles.OrchestrationNames.Versions)
        {
            registry.AddOrchestrator<PersonalDataRetentionOrchestrator>(PersonalDataRetentionOrchestrator.Name, version);
        }

        registry.AddActivity<RedactDuePersonalDataActivity>();
        return registry;
    }
}
