using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Durable.Engine;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Store.InMemory;

namespace ReviewWorkflow.Durable;

/// <summary>Registration of orchestrators, activities, the store and options.</summary>
public sealed class DurableTaskBuilder
{
    internal DurableTaskBuilder(IServiceCollection services, DurableTaskRegistry registry)
    {
        Services = services;
        Registry = registry;
    }

    public IServiceCollection Services { get; }

    public DurableTaskRegistry Registry { get; }

    public DurableTaskBuilder AddOrchestrator<T>(string? version = null)
        where T : class, ITaskOrchestrator
    {
        Registry.AddOrchestrator<T>(version);
        return this;
    }

    public DurableTaskBuilder AddOrchestrator<T>(TaskName name, string? version = null)
        where T : class, ITaskOrchestrator
    {
        Registry.AddOrchestrator<T>(name, version);
        return this;
    }

    public DurableTaskBuilder AddActivity<T>()
        where T : class, ITaskActivity
    {
        Registry.AddActivity<T>();
        return this;
    }

    public DurableTaskBuilder AddActivity<T>(TaskName name)
        where T : class, ITaskActivity
    {
        Registry.AddActivity<T>(name);
        return this;
    }

    public DurableTaskBuilder AddOrchestratorFunc<TInput, TOutput>(TaskName name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> implementation, string? version = null)
    {
        Registry.AddOrchestratorFunc(name, implementation, version);
        return this;
    }

    public DurableTaskBuilder AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, Task<TOutput>> implementation)
    {
        Registry.AddActivityFunc(name, implementation);
        return this;
    }

    public DurableTaskBuilder AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, TOutput> implementation)
    {
        Registry.AddActivityFunc(name, implementation);
        return this;
    }

    /// <summary>Keeps everything in memory (tests, local experiments). The default when no store is chosen.</summary>
    public DurableTaskBuilder UseInMemoryStore()
    {
        Services.Replace(ServiceDescriptor.Singleton<IDurableStore>(sp => new InMemoryDurableStore(sp.GetRequiredService<TimeProvider>())));
        return this;
    }

    /// <summary>Uses a store built by <paramref name="factory"/> (e.g. the Azure Storage backend's <c>UseAzureStorage</c>).</summary>
    public DurableTaskBuilder UseStore(Func<IServiceProvider, IDurableStore> factory)
    {
        Services.Replace(ServiceDescriptor.Singleton(factory));
        return this;
    }

    public DurableTaskBuilder Configure(Action<DurableOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }
}

public static class DurableServiceCollectionExtensions
{
    /// <summary>
    /// Adds the durable runtime: registry, store (in-memory unless another is chosen), worker, client and the
    /// dispatcher (<see cref="DurableHostedService"/>; off with <c>Durable:EnableDispatcher=false</c>).
    /// Options bind from the "Durable" configuration section when an <see cref="IConfiguration"/> is registered.
    /// </summary>
    public static IServiceCollection AddDurableTask(this IServiceCollection services, Action<DurableTaskBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var registry = new DurableTaskRegistry();
        services.AddSingleton(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DurableOptions>();
        services.AddSingleton<IConfigureOptions<DurableOptions>>(sp => new ConfigureOptions<DurableOptions>(o =>
            sp.GetService<IConfiguration>()?.GetSection(DurableOptions.SectionName).Bind(o)));
        services.TryAddSingleton<IDurableStore>(sp => new InMemoryDurableStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<DurableWorkSignal>();
        services.TryAddSingleton<DurableWorker>();
        services.TryAddSingleton<DurableTaskClient>();
        services.AddHostedService<DurableHostedService>();
        configure(new DurableTaskBuilder(services, registry));
        return services;
    }
}
