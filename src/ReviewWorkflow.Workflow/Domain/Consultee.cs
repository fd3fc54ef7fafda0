namespace ReviewWorkflow.Workflow.Domain;

/// <summary>One person asked for their views. Partners name their organisation.</summary>
public sealed record Consultee
{
    public string Name { get; init; } = "";

    public string Email { get; init; } = "";

    public string? Organisation { get; init; }

    /// <summary>The stable id used for responses, links and audit rows (derived from the email address).</summary>
    public string Id => ConsulteeId.For(Email);
}
