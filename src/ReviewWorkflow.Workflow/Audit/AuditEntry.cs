namespace ReviewWorkflow.Workflow.Audit;

/// <summary>One stored audit row. <see cref="Hash"/> is SHA-256 over its content and <see cref="PreviousHash"/> (see <see cref="AuditHasher"/>).</summary>
public sealed record AuditEntry
{
    public string CycleId { get; init; } = "";

    /// <summary>1, 2, 3 ... with no gaps.</summary>
    public long Sequence { get; init; }

    /// <summary>UTC, to the millisecond; never earlier than the entry before.</summary>
    public DateTimeOffset Time { get; init; }

    public string Actor { get; init; } = "";

    public AuditRole Role { get; init; }

    public string Action { get; init; } = "";

    public string? Subject { get; init; }

    /// <summary>Compact JSON, or null.</summary>
    public string? Details { get; init; }

    public string? RequestId { get; init; }

    public string? MessageId { get; init; }

    public string? IdempotencyKey { get; init; }

    public string PreviousHash { get; init; } = "";

    public string Hash { get; init; } = "";
}
