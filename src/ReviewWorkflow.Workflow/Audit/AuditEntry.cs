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

    /// <summary>1: every field hashed as written; 2: <see cref="Actor"/> and <see cref="PersonalDetails"/> committed by
    /// <see cref="PersonalDigest"/> (see <see cref="AuditHasher"/>).</summary>
    public int Scheme { get; init; } = 1;

    /// <summary>v2: the consultee whose salt commits the personal fields.</summary>
    public string? PersonalSubject { get; init; }

    /// <summary>v2: compact JSON of the personal details, or null (also once redacted).</summary>
    public string? PersonalDetails { get; init; }

    /// <summary>v2: HMAC-SHA256 (salt) over the actor and personal details, or null when written already redacted.</summary>
    public string? PersonalDigest { get; init; }

    /// <summary>The personal fields were removed (the actor is a label such as "Consultee 3").</summary>
    public bool Redacted { get; init; }

    public string PreviousHash { get; init; } = "";

    public string Hash { get; init; } = "";
}
