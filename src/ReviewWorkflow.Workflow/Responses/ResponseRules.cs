using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Responses;

/// <summary>The cycle facts a save or submission is checked against. <see cref="Closes"/> is the current closing date
/// (after any extension); <see cref="ClosedEarly"/> when the lead closed the consultation before it.</summary>
public sealed record ResponseRules
{
    public int PledgeCount { get; init; }

    public DateOnly Closes { get; init; }

    public bool ClosedEarly { get; init; }

    public LateResponseRule LateResponses { get; init; } = LateResponseRule.AcceptAndMarkLate;

    public CouncilSettings Settings { get; init; } = CouncilSettings.Default;

    /// <summary>Late on the day after <see cref="Closes"/> (council time), or at once when closed early.</summary>
    public bool IsLate(DateOnly today) => ClosedEarly || today > Closes;

    public static ResponseRules For(ReviewCycleDefinition definition, CouncilSettings settings, bool closedEarly = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        return new ResponseRules
        {
            PledgeCount = definition.Strategy.Pledges.Count,
            Closes = definition.Consultation.Closes,
            ClosedEarly = closedEarly,
            LateResponses = settings.LateResponses,
            Settings = settings,
        };
    }
}
