namespace ReviewWorkflow.Workflow.Domain;

/// <summary>The consultation window and who is consulted. Responses are accepted to the end of <see cref="Closes"/>.</summary>
public sealed record ConsultationPlan
{
    public DateOnly Opens { get; init; }

    public DateOnly Closes { get; init; }

    public IReadOnlyList<ConsulteeGroup> Groups { get; init; } = [];
}
