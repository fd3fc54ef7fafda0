namespace ReviewWorkflow.Workflow.Domain;

/// <summary>The document under review: a strategy (priorities) or a pledge document (pledges / promises).</summary>
public sealed record Strategy
{
    public string Title { get; init; } = "";

    public StrategyKind Kind { get; init; } = StrategyKind.Strategy;

    /// <summary>The service that owns it, e.g. "Children's Social Care".</summary>
    public string OwningService { get; init; } = "";

    public DateOnly PeriodStart { get; init; }

    public DateOnly PeriodEnd { get; init; }

    /// <summary>When it stops being in force; null means the end of the period (see <see cref="EffectiveExpiry"/>).</summary>
    public DateOnly? Expiry { get; init; }

    /// <summary>Pledges (for a pledge document) or priorities (for a strategy), in order; answers refer to them by 1-based index.</summary>
    public IReadOnlyList<string> Pledges { get; init; } = [];

    /// <summary>The expiry date, defaulting to the end of the period.</summary>
    public DateOnly EffectiveExpiry => Expiry ?? PeriodEnd;
}
