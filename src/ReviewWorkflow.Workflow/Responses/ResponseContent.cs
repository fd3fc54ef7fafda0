using System.Text.Json;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Responses;

/// <summary>What a consultee writes: a view and comment per pledge (1-based), and general comments.</summary>
public sealed record ResponseContent
{
    public IReadOnlyList<PledgeAnswer> Answers { get; init; } = [];

    public string? Comments { get; init; }

    public bool IsEmpty => Answers.Count == 0 && string.IsNullOrWhiteSpace(Comments);

    /// <summary>Value equality (records compare lists by reference): same answers in the same order and the same comments.</summary>
    public bool SameAs(ResponseContent? other) =>
        other is not null && JsonSerializer.Serialize(this, WorkflowJson.Options) == JsonSerializer.Serialize(other, WorkflowJson.Options);
}

/// <summary>An answer about pledge <see cref="Pledge"/> (1-based).</summary>
public sealed record PledgeAnswer
{
    public int Pledge { get; init; }

    public PledgeView View { get; init; }

    public string? Comment { get; init; }
}
