namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>The retention orchestration's input (and its activity's): which pass this is, for the logs and history only.</summary>
public sealed record RetentionInput(int Pass);
