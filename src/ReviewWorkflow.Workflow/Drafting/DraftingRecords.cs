using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Drafting;

/// <summary>The Drafting orchestration's input. Round 1 is the first draft; later rounds follow a refer-back.</summary>
public sealed record DraftingInput
{
    public string CycleId { get; init; } = "";

    public int Round { get; init; } = 1;

    public ReviewCycleDefinition Definition { get; init; } = new();

    public CouncilSettings Settings { get; init; } = CouncilSettings.Default;

    public CycleStatus Status { get; init; } = new();

    /// <summary>After a refer-back: the body and meeting that referred it, and the comments to address.</summary>
    public DecisionSummary? ReferredBack { get; init; }

    /// <summary>The parent's logical "now" when it started this stage (see <see cref="CycleInbox"/>).</summary>
    public DateTime Now { get; init; }
}

/// <summary>The accepted draft (signed off when the cycle names a director).</summary>
/// <param name="Now">The stage's logical "now" when it ended; the parent carries on from it.</param>
public sealed record DraftingResult(DraftSubmission Draft, string SubmittedBy, string? SignedOffBy, CycleStatus Status, DateTime Now = default);
