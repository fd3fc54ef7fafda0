using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.DurableTask.Registration;
using ReviewWorkflow.Functions.Hosting;
using ReviewWorkflow.Testing;
using TaskFactory = ReviewWorkflow.DurableTask.Registration.TaskFactory;

namespace ReviewWorkflow.Functions.Tests.Fixtures;

/// <summary>
/// The Functions app's real service registration (AddReviewWorkflowFunctions, which is the local app's
/// AddReviewCycleRuntime plus the worker's serializer), over Azurite, and the engine registry it builds: what the local
/// DTFx worker runs is what the Functions app must publish.
/// </summary>
internal static class EngineRegistration
{
    public static async Task<ServiceProvider> FunctionsServicesAsync(Action<IServiceCollection>? more = null)
    {
        var settings = await IsolatedAppSettings.AppAsync("fn", Path.Combine(Path.GetTempPath(), "rw-fn-outbox-" + Guid.NewGuid().ToString("N")));
        settings["Workflow:PublicBaseUrl"] = "https://reviews.council.example/";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddReviewWorkflowFunctions(configuration);
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Orchestrators (name — upper-cased by the registry, as names compare case-insensitively — version, class) and
    /// activities (name, class) the engine registers.</summary>
    public static async Task<(IReadOnlyList<(string Name, string Version, Type Type)> Orchestrators, IReadOnlyDictionary<string, Type> Activities)> ReadAsync()
    {
        await using var provider = await FunctionsServicesAsync();
        var registry = provider.GetRequiredService<TaskFactory>().Registry;
        return (registry.Orchestrators.Select(o => (o.Key.Name, o.Key.Version, o.Value)).ToList(),
                registry.Activities.ToDictionary(a => a.Key, a => a.Value, StringComparer.OrdinalIgnoreCase));
    }

    public static WorkflowTaskRegistry Registry(IServiceProvider provider) => provider.GetRequiredService<TaskFactory>().Registry;
}
