using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// What one consultee's form needs: the strategy's title and pledges, the consultee's group (its audience decides the
/// plain-language form; its questions are asked), the closing date after any extension, and the rules a save or
/// submission is checked against.
/// </summary>
public sealed record ConsulteeForm
{
    public string CycleId { get; init; } = "";

    public string ConsulteeId { get; init; } = "";

    public string ConsulteeName { get; init; } = "";

    public string? Organisation { get; init; }

    public string Title { get; init; } = "";

    public StrategyKind Kind { get; init; }

    /// <summary>In order; answers refer to them by 1-based index.</summary>
    public IReadOnlyList<string> Pledges { get; init; } = [];

    public string GroupName { get; init; } = "";

    public Audience Audience { get; init; }

    public Questions Questions { get; init; } = new();

    public Person Lead { get; init; } = new();

    public DateOnly Closes { get; init; }

    public bool ClosedEarly { get; init; }

    public CycleStage Stage { get; init; }

    public ResponseRules Rules { get; init; } = new();
}

public sealed partial class ReviewCycleService
{
    /// <summary>The form for <paramref name="consulteeId"/> in <paramref name="cycleId"/>, or null when the cycle or the
    /// consultee (after directory groups were expanded) is unknown.</summary>
    /// <remarks>One read of the cycle's row (extension, early close: as the orchestration last published them); the
    /// consultees are immutable and kept in memory after the first read.</remarks>
    public async Task<ConsulteeForm?> GetConsulteeFormAsync(string cycleId, string consulteeId, CancellationToken cancellationToken = default)
    {
        var consultationId = OrchestrationNames.ConsultationId(cycleId, 1);
        var consultation = await Consultations.GetAsync(consultationId, async () =>
            (await client.GetInstanceAsync(consultationId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false))?.ReadInputAs<ConsultationInput>()).ConfigureAwait(false);
        if (consultation is not { } found || !found.ById.TryGetValue(consulteeId, out var consultee))
        {
            return null;
        }

        if (await CurrentAsync(cycleId, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return null;
        }

        var live = current.Status;

        var input = found.Input;
        var definition = input.Definition;
        var groups = definition.Consultation.Groups;
        var group = consultee.Group >= 0 && consultee.Group < groups.Count ? groups[consultee.Group] : null;
        return new ConsulteeForm
        {
            CycleId = cycleId,
            ConsulteeId = consultee.Id,
            ConsulteeName = consultee.Name,
            Organisation = consultee.Organisation,
            Title = definition.Strategy.Title,
            Kind = definition.Strategy.Kind,
            Pledges = definition.Strategy.Pledges,
            GroupName = consultee.GroupName,
            Audience = consultee.Audience,
            Questions = group?.Questions ?? new Questions(),
            Lead = definition.Lead,
            Closes = live.ConsultationCloses,
            ClosedEarly = live.ConsultationClosedEarly,
            Stage = live.Stage,
            Rules = RulesOf(current.Record, live),
        };
    }
}
