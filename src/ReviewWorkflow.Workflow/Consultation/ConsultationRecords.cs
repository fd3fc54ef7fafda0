using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>A consultee after directory groups are expanded: who, which group, and how to talk to them.</summary>
public sealed record ResolvedConsultee(string Id, string Name, string Email, int Group, string GroupName, Audience Audience, string? Organisation);

public sealed record ResolveConsulteesInput(string CycleId, ReviewCycleDefinition Definition);

/// <summary>Everyone to consult, each once; <see cref="Problems"/> lists directory groups that were not found (their
/// members are not consulted); <see cref="Unreachable"/> the groups the directory could not be asked about (the
/// consultation is held until it answers).</summary>
public sealed record ResolvedConsultees(IReadOnlyList<ResolvedConsultee> Consultees, IReadOnlyList<string> Problems)
{
    /// <summary>Empty in histories recorded before the hold existed (the property is then absent from the JSON).</summary>
    public IReadOnlyList<UnreachableGroup> Unreachable { get; init; } = [];
}

/// <summary>The Consultation orchestration's input.</summary>
public sealed record ConsultationInput
{
    public string CycleId { get; init; } = "";

    /// <summary>1 for the first consultation; part of every request's idempotency key.</summary>
    public int Round { get; init; } = 1;

    public ReviewCycleDefinition Definition { get; init; } = new();

    public CouncilSettings Settings { get; init; } = CouncilSettings.Default;

    public IReadOnlyList<ResolvedConsultee> Consultees { get; init; } = [];

    public CycleStatus Status { get; init; } = new();

    /// <summary>The parent's logical "now" when it started this stage (see <see cref="CycleInbox"/>).</summary>
    public DateTime Now { get; init; }
}

/// <param name="Now">The stage's logical "now" when it ended; the parent carries on from it.</param>
public sealed record ConsultationResult(DateOnly Closes, bool ClosedEarly, CycleCounts Counts, IReadOnlyList<string> Bounced, CycleStatus Status, DateTime Now = default);

/// <summary>What every consultation email needs to know about the cycle.</summary>
public sealed record ConsultationMail
{
    public string CycleId { get; init; } = "";

    public int Round { get; init; } = 1;

    public string Title { get; init; } = "";

    public StrategyKind Kind { get; init; }

    public Person Lead { get; init; } = new();

    public DateOnly Closes { get; init; }

    public LateResponseRule LateResponses { get; init; }

    /// <summary>Respondent links stay usable until <paramref name="daysAfterClose"/> days after the close (UTC midnight).</summary>
    public DateTimeOffset LinkExpires(int daysAfterClose) => new(Closes.AddDays(daysAfterClose + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static ConsultationMail For(string cycleId, int round, ReviewCycleDefinition definition, CouncilSettings settings, DateOnly closes)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        return new ConsultationMail
        {
            CycleId = cycleId,
            Round = round,
            Title = definition.Strategy.Title,
            Kind = definition.Strategy.Kind,
            Lead = definition.Lead,
            Closes = closes,
            LateResponses = settings.LateResponses,
        };
    }
}

public sealed record SendRequestsInput(ConsultationMail Mail, IReadOnlyList<ResolvedConsultee> Consultees);

/// <summary>Requests that went (or had gone before) and those the provider refused for good (treated as bounced).</summary>
public sealed record SendRequestsResult(IReadOnlyList<string> Sent, IReadOnlyList<string> Failed);

/// <param name="CommandId">Set for a reminder the lead asked for now: each consultee gets at most one per command (null for the scheduled reminders).</param>
public sealed record SendRemindersInput(ConsultationMail Mail, IReadOnlyList<ResolvedConsultee> Consultees, IReadOnlyList<string> Excluded, DateOnly Date, string? CommandId = null);

public sealed record SendEscalationInput(ConsultationMail Mail, IReadOnlyList<ResolvedConsultee> Consultees, IReadOnlyList<string> Bounced, DateOnly Date);

public sealed record SendBounceNoticeInput(ConsultationMail Mail, ResolvedConsultee? Consultee, BounceReport Report);

public sealed record CountResponsesInput(string CycleId, IReadOnlyList<ResolvedConsultee> Consultees, IReadOnlyList<string> Bounced, int RequestsSent);
