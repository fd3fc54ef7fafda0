namespace ReviewWorkflow.Workflow.Domain;

/// <summary>A group consulted together, e.g. "Children in Care Council" (young people) or "Health partners".</summary>
public sealed record ConsulteeGroup
{
    public string Name { get; init; } = "";

    public Audience Audience { get; init; }

    public IReadOnlyList<Consultee> Members { get; init; } = [];

    /// <summary>A directory group (Entra group id, or the local directory's group id) whose members are added to
    /// <see cref="Members"/> when the cycle starts; members listed inline win over the same address from the directory.</summary>
    public string? DirectoryGroupId { get; init; }

    public Questions Questions { get; init; } = new();
}
