namespace ReviewWorkflow.Workflow.Council;

/// <summary>Tell the lead, this many days before the consultation closes, who has not answered yet.</summary>
public sealed record EscalationRule
{
    public bool Enabled { get; init; } = true;

    public int DaysBeforeClose { get; init; } = 3;
}
