using ReviewWorkflow.Durable;
using ReviewWorkflow.Durable.AzureStorage;

namespace ReviewWorkflow.App.Hosting;

/// <summary>
/// Orchestrators and activities to register with the durable runtime. Feature modules (and tests) add one with
/// <c>services.AddSingleton(new DurableTaskRegistration(b =&gt; b.AddOrchestrator&lt;T&gt;()))</c> before
/// <see cref="DurableRuntimeExtensions.AddReviewWorkflowDurable"/> runs.
/// </summary>
public sealed record DurableTaskRegistration(Action<DurableTaskBuilder> Register);

public static class DurableRuntimeExtensions
{
    /// <summary>
    /// The durable runtime on Azure Storage (tables <c>{hub}*</c>, queues <c>{hub}-control</c> and <c>{hub}-workitems</c>;
    /// options sections <c>Durable</c> and <c>Durable:AzureStorage</c>). Standalone, its hosted dispatcher polls the
    /// queues; under the Functions host (<see cref="FunctionsHostExtensions.AddFunctionsHost"/>) it is switched off.
    /// </summary>
    public static IServiceCollection AddReviewWorkflowDurable(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registrations = services
            .Where(d => d.ServiceType == typeof(DurableTaskRegistration) && d.ImplementationInstance is DurableTaskRegistration)
            .Select(d => (DurableTaskRegistration)d.ImplementationInstance!)
            .ToList();
        services.AddDurableTask(builder =>
        {
            foreach (var registration in registrations)
            {
                registration.Register(builder);
            }
        });
        services.AddDurableAzureStorage(configuration);
        services.AddSingleton<DurableStoreInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableStoreInitializer>());

        // The dispatcher is started by DurableDispatcherStarter once storage answers, not by the host directly.
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DurableHostedService)).ToList())
        {
            services.Remove(hosted);
        }

        services.AddSingleton<DurableHostedService>();
        services.AddHostedService<DurableDispatcherStarter>();
        return services;
    }
}
