namespace ReviewWorkflow.Workflow.ForwardPlan;

/// <summary>What the clerk recorded for a key decision noticed late: the route, the reason and (special urgency) the
/// overview and scrutiny chair's agreement.</summary>
public sealed record KeyDecisionExceptionRecord
{
    public ExceptionRoute Route { get; init; }

    public string Reason { get; init; } = "";

    /// <summary>The overview and scrutiny chair who agreed (special urgency); for a general exception, the chair told (optional).</summary>
    public string? ChairName { get; init; }

    public DateOnly? ChairAgreedOn { get; init; }

    public string RecordedBy { get; init; } = "";

    public DateTimeOffset RecordedAt { get; init; }

    public string IdempotencyKey { get; init; } = "";
}
