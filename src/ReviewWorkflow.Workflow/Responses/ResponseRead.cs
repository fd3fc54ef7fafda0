namespace ReviewWorkflow.Workflow.Responses;

/// <summary>The stored response as read earlier in the same request (<see cref="Response"/> null: nothing was stored), so a
/// save or submission right after it does not read it again: the write is guarded by its ETag, so a change in between
/// still turns into a conflict, never an overwrite.</summary>
public sealed record ResponseRead(StoredResponse? Response);
