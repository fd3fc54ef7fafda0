using Microsoft.Extensions.DependencyInjection;

// Registered delegates are orchestrator code: they must resume on the orchestration's context.
#pragma warning disable CA2007

namespace ReviewWorkflow.Durable;

/// <summary>The orchestrators (by name and version) and activities (by name) this process can run.</summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<TaskName, SortedList<string, Func<IServiceProvider, ITaskOrchestrator>>> _orchestrators = [];
    private readonly Dictionary<TaskName, Func<IServiceProvider, ITaskActivity>> _activities = [];

    /// <summary>Registers <typeparamref name="T"/> under its class name; several versions may sit side by side.</summary>
    public DurableTaskRegistry AddOrchestrator<T>(string? version = null)
        where T : class, ITaskOrchestrator => AddOrchestrator<T>(typeof(T).Name, version);

    public DurableTaskRegistry AddOrchestrator<T>(TaskName name, string? version = null)
        where T : class, ITaskOrchestrator =>
        AddOrchestrator(name, version, sp => ActivatorUtilities.CreateInstance<T>(sp));

    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(TaskName name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> implementation, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return AddOrchestrator(name, version, _ => new FuncOrchestrator<TInput, TOutput>(implementation));
    }

    public DurableTaskRegistry AddOrchestratorFunc<TInput>(TaskName name, Func<TaskOrchestrationContext, TInput, Task> implementation, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return AddOrchestratorFunc<TInput, object?>(name, async (ctx, input) =>
        {
            await implementation(ctx, input);
            return null;
        }, version);
    }

    public DurableTaskRegistry AddActivity<T>()
        where T : class, ITaskActivity => AddActivity<T>(typeof(T).Name);

    public DurableTaskRegistry AddActivity<T>(TaskName name)
        where T : class, ITaskActivity => AddActivity(name, sp => ActivatorUtilities.CreateInstance<T>(sp));

    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return AddActivity(name, _ => new FuncActivity<TInput, TOutput>(implementation));
    }

    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, TOutput> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return AddActivityFunc<TInput, TOutput>(name, (ctx, input) => Task.FromResult(implementation(ctx, input)));
    }

    public DurableTaskRegistry AddOrchestrator(TaskName name, string? version, Func<IServiceProvider, ITaskOrchestrator> factory)
    {
        if (!_orchestrators.TryGetValue(name, out var versions))
        {
            _orchestrators[name] = versions = new SortedList<string, Func<IServiceProvider, ITaskOrchestrator>>(VersionComparer.Instance);
        }

        if (!versions.TryAdd(version ?? string.Empty, factory))
        {
            throw new InvalidOperationException($"Orchestrator '{name}' version '{version}' is already registered.");
        }

        return this;
    }

    public DurableTaskRegistry AddActivity(TaskName name, Func<IServiceProvider, ITaskActivity> factory)
    {
        if (!_activities.TryAdd(name, factory))
        {
            throw new InvalidOperationException($"Activity '{name}' is already registered.");
        }

        return this;
    }

    /// <summary>The newest registered version of <paramref name="name"/> (null if unversioned or unknown).</summary>
    public string? LatestVersion(TaskName name) =>
        _orchestrators.TryGetValue(name, out var versions) && versions.Count > 0 && versions.Keys[^1].Length > 0 ? versions.Keys[^1] : null;

    internal bool TryGetOrchestrator(TaskName name, string? version, out Func<IServiceProvider, ITaskOrchestrator> factory)
    {
        factory = null!;
        return _orchestrators.TryGetValue(name, out var versions) && versions.TryGetValue(version ?? string.Empty, out factory!);
    }

    internal bool TryGetActivity(TaskName name, out Func<IServiceProvider, ITaskActivity> factory) => _activities.TryGetValue(name, out factory!);

    /// <summary>Orders versions numerically when both parse as <see cref="Version"/> ("2" &lt; "10"), else ordinally.</summary>
    private sealed class VersionComparer : IComparer<string>
    {
        public static readonly VersionComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            if (System.Version.TryParse(Normalize(x), out var vx) && System.Version.TryParse(Normalize(y), out var vy))
            {
                return vx.CompareTo(vy);
            }

            return string.CompareOrdinal(x, y);
        }

        private static string? Normalize(string? v) => v is { Length: > 0 } && !v.Contains('.', StringComparison.Ordinal) ? v + ".0" : v;
    }

    private sealed class FuncOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> run) : TaskOrchestrator<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input) => run(context, input);
    }

    private sealed class FuncActivity<TInput, TOutput>(Func<TaskActivityContext, TInput, Task<TOutput>> run) : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(context, input);
    }
}
