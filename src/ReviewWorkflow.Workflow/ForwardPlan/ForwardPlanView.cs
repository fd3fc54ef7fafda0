namespace ReviewWorkflow.Workflow.ForwardPlan;

/// <summary>The forward plan: every upcoming key decision, by decision date, and when the plan last changed.</summary>
public sealed record ForwardPlanView(DateTimeOffset LastUpdated, IReadOnlyList<KeyDecisionNotice> Notices);
