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
    public async Task<ConsulteeForm?> GetConsulteeFormAsync(string cycleId, string consulteeId, CancellationToken cancellationToken = default)
    {
        var consultation = await client.GetInstanceAsync(OrchestrationNames.ConsultationId(cycleId, 1), getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (consultation?.ReadInputAs<ConsultationInput>() is not { } input
            || input.Consultees.FirstOrDefault(c => string.Equals(c.Id, consulteeId, StringComparison.Ordinal)) is not { } consultee)
        {
            return null;
        }

        var parent = await client.GetInstanceAsync(cycleId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (parent is null || parent.Name != OrchestrationNames.ReviewCycle)
        {
            return null;
        }

        var view = await ViewAsync(parent, cancellationToken).ConfigureAwait(false);
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
            Closes = view.ConsultationCloses,
            ClosedEarly = view.ConsultationClosedEarly,
            Stage = view.Stage,
            Rules = ResponseRules.For(definition with { Consultation = definition.Consultation with { Closes = view.ConsultationCloses } }, input.Settings, view.ConsultationClosedEarly),
        };
    }
}
