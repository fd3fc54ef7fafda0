using System.Text.Json.Nodes;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Web.Api;

/// <summary>One audit row as <c>GET /api/cycles/{id}/audit</c> shows it (details as JSON, not as escaped text).</summary>
public sealed record ApiAuditRow(
    long Sequence,
    DateTimeOffset Time,
    string Actor,
    AuditRole Role,
    string Action,
    string? Subject,
    JsonNode? Details,
    string? RequestId,
    string? MessageId,
    string? IdempotencyKey,
    string PreviousHash,
    string Hash)
{
    public static ApiAuditRow From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ApiAuditRow(entry.Sequence, entry.Time, entry.Actor, entry.Role, entry.Action, entry.Subject,
            entry.Details is { Length: > 0 } details ? JsonNode.Parse(details) : null,
            entry.RequestId, entry.MessageId, entry.IdempotencyKey, entry.PreviousHash, entry.Hash);
    }
}

/// <summary><c>GET /api/cycles/{id}/audit/verify</c>: whether the hash chain holds, over how many rows, and where it
/// breaks; <see cref="Redacted"/> counts rows whose personal fields were erased (they still verify).</summary>
public sealed record ApiAuditVerification(bool Valid, long Rows, long? FirstBrokenSequence, string? Reason, long Redacted = 0);
