namespace ReviewWorkflow.Workflow.Deadlines;

/// <summary>One dated step of the plan. <see cref="BodyIndex"/> is the 0-based route index for ratification items.</summary>
public sealed record ScheduledItem(DateOnly Date, ScheduleItemKind Kind, string Description, int? BodyIndex = null);
