using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>Where a running consultation stands; changed only by <see cref="ConsultationStage"/>.</summary>
public sealed record ConsultationState : StageState
{
    /// <summary>The closing day, moved by an extension.</summary>
    public DateOnly Closes { get; init; }

    public bool ClosedEarly { get; init; }

    public bool RequestsSent { get; init; }

    /// <summary>Consultees whose request went.</summary>
    public IReadOnlyList<string> Sent { get; init; } = [];

    /// <summary>Consultees whose request the provider refused or that bounced, in the order learnt (they get no reminders).</summary>
    public IReadOnlyList<string> Bounced { get; init; } = [];

    /// <summary>Scheduled reminder days already sent.</summary>
    public IReadOnlyList<DateOnly> RemindersDone { get; init; } = [];

    public bool Escalated { get; init; }

    /// <summary>Scheduled reminders and the escalation before this day do not go: the opening day, or the day after an
    /// extension (the new close brings new dates; the old ones are past).</summary>
    public DateOnly NotBefore { get; init; }
}
