namespace ReviewWorkflow.Workflow.Responses;

/// <summary>
/// A save based on an older version: <see cref="Stored"/> is what someone else saved meanwhile, <see cref="Attempted"/> is
/// what this person tried to save (also kept as a draft row, <see cref="DraftId"/>), so a page can show both and nothing is lost.
/// Save again with <c>Stored.ETag</c> to replace the stored version.
/// </summary>
public sealed record ResponseConflict(StoredResponse Stored, ResponseContent Attempted, string AttemptedBy, string? AttemptedFromETag, string DraftId);
