using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Deadlines;

/// <summary>
/// The dated plan of a review cycle, computed from its definition and the council's settings alone (no clock), so an
/// orchestration can recompute it on replay, after an extension (change <c>Consultation.Closes</c>) or a deferral (change
/// the body's <c>MeetingDate</c>) and get the same answer.
/// </summary>
public sealed record CycleSchedule
{
    public DateOnly ConsultationOpens { get; init; }

    public DateOnly ConsultationCloses { get; init; }

    /// <summary>Reminders to consultees who have not answered (offsets before close, moved back off weekends and bank holidays).</summary>
    public IReadOnlyList<DateOnly> ConsultationReminders { get; init; } = [];

    /// <summary>The day the lead gets the list of non-responders; null when escalation is off or would fall before the consultation opens.</summary>
    public DateOnly? Escalation { get; init; }

    public DateOnly DraftingDeadline { get; init; }

    public IReadOnlyList<DateOnly> DraftingReminders { get; init; } = [];

    public IReadOnlyList<BodySchedule> Bodies { get; init; } = [];

    /// <summary>The adoption date: the one given, or (planned) the last meeting on the route.</summary>
    public DateOnly AdoptionDate { get; init; }

    /// <summary>True when <see cref="AdoptionDate"/> is the planned one rather than an actual adoption.</summary>
    public bool AdoptionIsPlanned { get; init; }

    public IReadOnlyList<DateOnly> ProgressReports { get; init; } = [];

    /// <summary>When the next review starts: expiry minus the council's lead time.</summary>
    public DateOnly NextReviewStart { get; init; }

    /// <summary>Every step in date order (same-day steps in <see cref="ScheduleItemKind"/> order).</summary>
    public IReadOnlyList<ScheduledItem> Items { get; init; } = [];

    /// <summary>The first step on or after <paramref name="today"/>, if any.</summary>
    public ScheduledItem? NextOnOrAfter(DateOnly today) => Items.FirstOrDefault(i => i.Date >= today);

    /// <summary>Computes the plan. Pass <paramref name="adoptedOn"/> once the strategy is adopted, for the real monitoring dates.</summary>
    public static CycleSchedule Compute(ReviewCycleDefinition definition, CouncilSettings settings, DateOnly? adoptedOn = null)
        => CycleScheduleBuilder.Build(definition, settings, adoptedOn);
}
