namespace ReviewWorkflow.Workflow.Responses;

/// <summary>A version kept aside: one that lost a save race ("conflict") or was refused after the close ("late-refused").</summary>
public sealed record ResponseDraft(string Id, ResponseContent Content, string Contributor, string Reason, DateTimeOffset SavedAt);
