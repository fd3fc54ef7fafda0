namespace ReviewWorkflow.Workflow.ForwardPlan;

/// <summary>What the clerk submits for a key decision noticed late.</summary>
public sealed record ExceptionRequest
{
    /// <summary>0-based place of the body on the route.</summary>
    public int RouteIndex { get; init; }

    public ExceptionRoute? Route { get; init; }

    /// <summary>Why 28 clear days' notice could not be given (published with the exception notice).</summary>
    public string? Reason { get; init; }

    /// <summary>The overview and scrutiny chair: required for special urgency (who agreed), optional for a general exception (who was told).</summary>
    public string? ChairName { get; init; }

    /// <summary>The day the chair agreed the decision is urgent and cannot reasonably be deferred (special urgency).</summary>
    public DateOnly? ChairAgreedOn { get; init; }
}
