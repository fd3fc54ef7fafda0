namespace ReviewWorkflow.Workflow.Domain;

/// <summary>A group consulted together, e.g. "Children in Care Council" (young people) or "Health partners".</summary>
public sealed record ConsulteeGroup
{
    public string Name { get; init; } = "";

    public Audience Audience { get; init; }

    public IReadOnlyList<Consultee> Members { get; init; } = [];

    public Questions Questions { get; init; } = new();
}
