namespace ReviewWorkflow.Workflow.Responses;

/// <summary>Someone who worked on a response (partners often share one response between colleagues).</summary>
public sealed record ResponseContributor
{
    public string Name { get; init; } = "";

    public DateTimeOffset FirstSavedAt { get; init; }

    public DateTimeOffset LastSavedAt { get; init; }

    public int Saves { get; init; }
}
