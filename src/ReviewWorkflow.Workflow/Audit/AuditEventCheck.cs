using System.Globalization;

namespace ReviewWorkflow.Workflow.Audit;

/// <summary>Refuses events that would not fit a table row or would be meaningless in an audit.</summary>
internal static class AuditEventCheck
{
    public const int MaxDetails = 30_000;

    public static void Validate(string cycleId, AuditEvent audit, string? details)
    {
        if (string.IsNullOrEmpty(cycleId) || cycleId.Length > 256 || cycleId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException("The cycle id must be 1-256 characters without '/', '\\', '#', '?' or control characters.", nameof(cycleId));
        }

        Require(audit.Actor, "Actor", 320);
        Require(audit.Action, "Action", 100);
        Limit(audit.Subject, "Subject", 1_000);
        Limit(audit.RequestId, "RequestId", 200);
        Limit(audit.MessageId, "MessageId", 200);
        Limit(audit.IdempotencyKey, "IdempotencyKey", 1_000);
        Limit(details, "Details", MaxDetails);
        if (audit.IdempotencyKey is { Length: 0 })
        {
            throw new ArgumentException("IdempotencyKey must be null or non-empty.", nameof(audit));
        }
    }

    private static void Require(string? value, string name, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The audit event's {name} is required.", nameof(value));
        }

        Limit(value, name, max);
    }

    private static void Limit(string? value, string name, int max)
    {
        if (value is not null && value.Length > max)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The audit event's {name} is {value.Length} characters; the limit is {max}."), nameof(value));
        }
    }
}
