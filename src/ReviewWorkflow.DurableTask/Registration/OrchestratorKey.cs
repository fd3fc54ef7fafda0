namespace ReviewWorkflow.DurableTask.Registration;

/// <summary>An orchestrator's name and version; names compare case-insensitively as in Durable Functions, versions exactly.</summary>
internal readonly record struct OrchestratorKey
{
    public OrchestratorKey(string name, string version)
    {
        Name = name.ToUpperInvariant();
        Version = version;
    }

    public string Name { get; }

    public string Version { get; }
}
