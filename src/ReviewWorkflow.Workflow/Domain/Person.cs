namespace ReviewWorkflow.Workflow.Domain;

/// <summary>A named person reached by email: the lead, a task-and-finish member, a director signing off.</summary>
public sealed record Person
{
    public string Name { get; init; } = "";

    public string Email { get; init; } = "";
}
