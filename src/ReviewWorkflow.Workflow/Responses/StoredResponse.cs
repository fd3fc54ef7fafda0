namespace ReviewWorkflow.Workflow.Responses;

/// <summary>A consultee's response as stored. Pass <see cref="ETag"/> back with the next save so concurrent edits are detected.</summary>
public sealed record StoredResponse
{
    public string CycleId { get; init; } = "";

    public string ConsulteeId { get; init; } = "";

    public ResponseContent Content { get; init; } = new();

    public ResponseStatus Status { get; init; }

    public bool Submitted => Status == ResponseStatus.Submitted;

    /// <summary>Submitted after the consultation closed, and kept under <c>LateResponseRule.AcceptAndMarkLate</c>.</summary>
    public bool Late { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public string? SubmittedBy { get; init; }

    public IReadOnlyList<ResponseContributor> Contributors { get; init; } = [];

    /// <summary>Counts saves: 1 after the first save.</summary>
    public int Version { get; init; }

    public string? ETag { get; init; }

    /// <summary>The consultee's personal data was erased (on request or at retention): names are labels, free text is
    /// gone, views and status are kept for the counts; no save or submission is taken any more.</summary>
    public bool Erased { get; init; }
}
