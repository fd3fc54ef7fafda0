using System.Text.Json.Nodes;

namespace ReviewWorkflow.Workflow.Audit;

/// <summary>What to append to a cycle's audit trail. The log adds the sequence, time and hashes.</summary>
public sealed record AuditEvent
{
    /// <summary>An email address, or "system".</summary>
    public string Actor { get; init; } = "system";

    public AuditRole Role { get; init; } = AuditRole.System;

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; init; } = "";

    /// <summary>What the action concerns: a consultee id, a body's name, a draft version.</summary>
    public string? Subject { get; init; }

    /// <summary>Anything else worth keeping, as JSON (stored compact, exactly as hashed).</summary>
    public JsonNode? Details { get; init; }

    /// <summary>The HTTP request or orchestration instance the action came from.</summary>
    public string? RequestId { get; init; }

    /// <summary>SendGrid's X-Message-Id, when an email was sent.</summary>
    public string? MessageId { get; init; }

    /// <summary>The consultee whose personal data <see cref="Actor"/> and <see cref="PersonalDetails"/> are: set, the row is
    /// written with hash scheme v2 (those two committed by a salted digest, so they can be redacted later).</summary>
    public string? PersonalSubject { get; init; }

    /// <summary>Personal details (a name typed on a shared link, an error naming an address): kept apart from
    /// <see cref="Details"/> so redaction removes them and keeps the rest. Only with <see cref="PersonalSubject"/>.</summary>
    public JsonNode? PersonalDetails { get; init; }

    /// <summary>When set (e.g. an activity's deterministic id), appending the same key again returns the first entry instead of adding one.</summary>
    public string? IdempotencyKey { get; init; }
}
