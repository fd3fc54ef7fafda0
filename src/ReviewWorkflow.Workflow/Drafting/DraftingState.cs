using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Drafting;

/// <summary>Where a drafting round stands; changed only by <see cref="DraftingStage"/>.</summary>
public sealed record DraftingState : StageState
{
    /// <summary>Drafting reminder days not sent yet.</summary>
    public IReadOnlyList<DateOnly> Reminders { get; init; } = [];

    /// <summary>The draft submitted and not declined (waiting for sign-off, or accepted once <see cref="Done"/>).</summary>
    public DraftSubmission? Draft { get; init; }

    public string? SubmittedBy { get; init; }

    /// <summary>True once the draft is accepted: the round is over.</summary>
    public bool Done { get; init; }

    /// <summary>The director who signed the draft off, or null when the cycle names none.</summary>
    public string? SignedOffBy { get; init; }
}
