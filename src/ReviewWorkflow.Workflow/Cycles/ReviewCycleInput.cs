using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// The ReviewCycle orchestration's input. The council settings are snapshotted at start, so changing configuration
/// never changes what a running cycle does on replay.
/// </summary>
public sealed record ReviewCycleInput
{
    public ReviewCycleDefinition Definition { get; init; } = new();

    public CouncilSettings Settings { get; init; } = CouncilSettings.Default;

    public string StartedBy { get; init; } = "";

    public string? RequestId { get; init; }

    /// <summary>The idempotency key the cycle was started with: a retried start with the same key finds this instance.</summary>
    public string StartKey { get; init; } = "";

    /// <summary>SHA-256 of the definition as started, so the start key reused for a different cycle is refused (null for
    /// cycles started before it was kept: then any retry with the key is a repeat).</summary>
    public string? StartHash { get; init; }

    /// <summary>The cycle this one was started from as a template, if any.</summary>
    public string? PreviousCycleId { get; init; }

    /// <summary>The app's clock when the cycle was started: the orchestration's first logical "now" (see <see cref="CycleInbox"/>).
    /// Null in inputs written before it existed: then the orchestration's own start time.</summary>
    public DateTime? StartedAt { get; init; }
}

/// <summary>How a cycle ended: adopted (and the next review notified), or closed.</summary>
public sealed record ReviewCycleResult(CycleStage Stage, DateOnly? AdoptedOn, string? ClosedReason, DateOnly? NextReviewNotifiedOn);
