namespace ReviewWorkflow.Workflow.Audit;

/// <summary>The last entry of a cycle's chain as one <see cref="AuditLog"/> last saw it: where its next append goes.</summary>
internal sealed record AuditTail(long Sequence, string Hash, DateTimeOffset Time)
{
    public static readonly AuditTail Empty = new(0, AuditHasher.Genesis, DateTimeOffset.MinValue);
}
