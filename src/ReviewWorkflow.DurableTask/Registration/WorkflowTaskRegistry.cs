using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.Registration;

/// <summary>
/// The orchestrator and activity classes a worker runs. Orchestrators are looked up by name and version, so several
/// versions of one orchestrator run side by side (an instance keeps the version it was started with); activities by
/// name alone. Each execution gets a fresh instance built with ActivatorUtilities (activities get a DI scope).
/// </summary>
public sealed class WorkflowTaskRegistry
{
    private readonly Dictionary<OrchestratorKey, Type> _orchestrators = [];
    private readonly Dictionary<string, Type> _activities = new(StringComparer.OrdinalIgnoreCase);

    internal IReadOnlyDictionary<OrchestratorKey, Type> Orchestrators => _orchestrators;

    internal IReadOnlyDictionary<string, Type> Activities => _activities;

    /// <summary>Registers orchestrator <typeparamref name="T"/> as <paramref name="name"/> at <paramref name="version"/> ("" = unversioned).</summary>
    public WorkflowTaskRegistry AddOrchestrator<T>(string name, string version = "") where T : class, ITaskOrchestrator
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(version);
        Add(_orchestrators, new OrchestratorKey(name, version), typeof(T), $"orchestrator '{name}' version '{version}'");
        return this;
    }

    /// <summary>Registers activity <typeparamref name="T"/> as <paramref name="name"/> (default: the class name).</summary>
    public WorkflowTaskRegistry AddActivity<T>(string? name = null) where T : class, ITaskActivity
    {
        var activityName = string.IsNullOrWhiteSpace(name) ? typeof(T).Name : name;
        Add(_activities, activityName, typeof(T), $"activity '{activityName}'");
        return this;
    }

    /// <summary>
    /// The newest registered version of an orchestrator ("" when it is registered unversioned or not at all): versions
    /// compare as numbers or dotted versions when they are ("10" after "9"), otherwise ordinally.
    /// </summary>
    internal string LatestVersion(string name)
    {
        var upper = name.ToUpperInvariant();
        return _orchestrators.Keys
            .Where(k => k.Name == upper)
            .Select(k => k.Version)
            .OrderBy(v => v, VersionComparer.Instance)
            .LastOrDefault() ?? string.Empty;
    }

    private static void Add<TKey>(Dictionary<TKey, Type> map, TKey key, Type type, string what) where TKey : notnull
    {
        if (map.TryGetValue(key, out var existing) && existing != type)
        {
            throw new InvalidOperationException($"The {what} is registered twice: {existing.FullName} and {type.FullName}.");
        }

        map[key] = type;
    }
}
