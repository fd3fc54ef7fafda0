namespace ReviewWorkflow.Workflow.Audit;

/// <summary>The result of checking a cycle's hash chain. When not <see cref="Valid"/>, <see cref="FirstBrokenSequence"/>
/// is the first sequence that fails and <see cref="Reason"/> says how.</summary>
public sealed record AuditVerification(bool Valid, long Rows, long? FirstBrokenSequence, string? Reason)
{
    /// <summary>Rows whose personal fields were redacted (their kept fields still checked; see the Audit README).</summary>
    public long Redacted { get; init; }

    public static AuditVerification Ok(long rows) => new(true, rows, null, null);

    public static AuditVerification Broken(long rows, long sequence, string reason) => new(false, rows, sequence, reason);
}
