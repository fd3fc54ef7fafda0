namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>One response (or one of its comments) tagged with a theme; the response itself is never changed.</summary>
public sealed record ThemeTag(string ThemeId, string ConsulteeId, TagPart Part, string TaggedBy, DateTimeOffset TaggedAt)
{
    /// <summary>The table's ETag of the tag row: an untag deletes exactly the row that was read.</summary>
    public string? ETag { get; init; }
}
