using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Cycles.ReadModel;

/// <summary>
/// One review cycle as the <c>ReviewCycles</c> table holds it: what was started (the definition without its consultees'
/// names and addresses, the council settings snapshotted at start) and where it is now (<see cref="Status"/>, written by
/// <see cref="ProjectCycleActivity"/> at each change). The dashboard, the clerk's list, the cycle page and the response
/// rules read this row, never the orchestrations.
/// </summary>
public sealed record ReviewCycleRecord
{
    public string CycleId { get; init; } = "";

    /// <summary>The cycle as started; consultee groups keep their names and questions, not their members.</summary>
    public ReviewCycleDefinition Definition { get; init; } = new();

    public CouncilSettings Settings { get; init; } = CouncilSettings.Default;

    public string StartedBy { get; init; } = "";

    /// <summary>The app's clock when the cycle was started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The orchestration version that runs the cycle: "1" never writes this table after the start row, so the
    /// status of such a cycle is read from its orchestrations (see <see cref="IsProjected"/>).</summary>
    public string Version { get; init; } = OrchestrationNames.CurrentVersion;

    /// <summary>Counts the changes the orchestrations published; a write with a lower revision than the row's is stale
    /// (a retried activity) and is dropped.</summary>
    public int Revision { get; init; }

    public CycleStatus Status { get; init; } = new();

    /// <summary>The orchestrations keep this row up to date (version 2 and later).</summary>
    public bool IsProjected => Version != "1";

    /// <summary>The record of a cycle about to start: its first status is what its first step will show.</summary>
    public static ReviewCycleRecord Starting(ReviewCycleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = input.Definition;
        return new ReviewCycleRecord
        {
            CycleId = definition.Id,
            Definition = WithoutMembers(definition),
            Settings = input.Settings,
            StartedBy = input.StartedBy,
            StartedAt = input.StartedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : default,
            Status = CycleStatusPublisher.First(definition, input.StartedAt ?? default),
        };
    }

    /// <summary>The definition without consultees' names and addresses: the row is read on every page, and personal
    /// data belongs in as few places as possible.</summary>
    public static ReviewCycleDefinition WithoutMembers(ReviewCycleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition with
        {
            Consultation = definition.Consultation with { Groups = [.. definition.Consultation.Groups.Select(g => g with { Members = [] })] },
        };
    }
}
