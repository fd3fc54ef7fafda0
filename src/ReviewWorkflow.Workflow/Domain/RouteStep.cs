namespace ReviewWorkflow.Workflow.Domain;

/// <summary>One body on the governance route, e.g. "Corporate Parenting Panel" meeting on a date.</summary>
public sealed record RouteStep
{
    /// <summary>The body's name, e.g. "Cabinet" or "Full Council".</summary>
    public string Body { get; init; } = "";

    public DateOnly MeetingDate { get; init; }

    public TimeOnly? MeetingTime { get; init; }

    /// <summary>A key decision needs 28 clear days' notice (SI 2012/2089 reg 9).</summary>
    public bool KeyDecision { get; init; }

    /// <summary>The committee clerk who records the decision; reminders go here too.</summary>
    public string? ClerkEmail { get; init; }
}
