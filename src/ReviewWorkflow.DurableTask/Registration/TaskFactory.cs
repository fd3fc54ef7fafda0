using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using CoreTaskActivity = DurableTask.Core.TaskActivity;

namespace ReviewWorkflow.DurableTask.Registration;

/// <summary>
/// Serves DurableTask.Core's name/version lookups from the registry, wrapping each class with
/// <see cref="DurableTaskShimFactory"/> — the factory the Functions isolated worker uses, so replay behaves as in Azure.
/// </summary>
internal sealed class TaskFactory(WorkflowTaskRegistry registry, IServiceProvider services, DurableTaskShimFactory shims)
{
    public WorkflowTaskRegistry Registry => registry;

    public INameVersionObjectManager<TaskOrchestration> Orchestrations => new Lookup<TaskOrchestration>(CreateOrchestration);

    public INameVersionObjectManager<CoreTaskActivity> Activities => new Lookup<CoreTaskActivity>(CreateActivity);

    /// <summary>The shim-wrapped orchestrator for a name and version, or null when none is registered.</summary>
    public TaskOrchestration? CreateOrchestration(string name, string version)
    {
        if (!registry.Orchestrators.TryGetValue(new OrchestratorKey(name, version ?? string.Empty), out var type))
        {
            return null; // DurableTask.Core fails the instance with a "not found" error naming the name and version.
        }

        var orchestrator = (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, type);
        return shims.CreateOrchestration(new TaskName(name), orchestrator);
    }

    /// <summary>The shim-wrapped activity for a name; activities are unversioned (the version an orchestrator passes is ignored).</summary>
    public CoreTaskActivity? CreateActivity(string name, string version)
    {
        return registry.Activities.TryGetValue(name, out var type)
            ? new ScopedActivity(services, shims, new TaskName(name), type)
            : null;
    }

    private sealed class Lookup<T>(Func<string, string, T?> create) : INameVersionObjectManager<T> where T : class
    {
        public void Add(ObjectCreator<T> creator) =>
            throw new NotSupportedException("Register tasks through WorkflowTaskRegistry.");

        public T? GetObject(string name, string? version) => create(name, version ?? string.Empty);
    }
}
