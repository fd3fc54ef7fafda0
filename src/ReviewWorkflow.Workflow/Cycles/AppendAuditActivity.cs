using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>An audit row an orchestration wants written. <see cref="IdempotencyKey"/> is required: the activity may run twice.</summary>
public sealed record AuditRecord
{
    public string CycleId { get; init; } = "";

    public string Actor { get; init; } = "system";

    public AuditRole Role { get; init; } = AuditRole.System;

    public string Action { get; init; } = "";

    public string? Subject { get; init; }

    public IReadOnlyDictionary<string, string>? Details { get; init; }

    public string? RequestId { get; init; }

    public string IdempotencyKey { get; init; } = "";

    public AuditEvent ToEvent()
    {
        JsonObject? details = null;
        if (Details is { Count: > 0 })
        {
            details = [];
            foreach (var (key, value) in Details.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                details[key] = value;
            }
        }

        return new AuditEvent
        {
            Actor = Actor,
            Role = Role,
            Action = Action,
            Subject = Subject,
            Details = details,
            RequestId = RequestId,
            IdempotencyKey = IdempotencyKey,
        };
    }
}

/// <summary>Appends one row to the cycle's audit trail, once per idempotency key.</summary>
public sealed class AppendAuditActivity(AuditLog audit) : TaskActivity<AuditRecord, long>
{
    public override async Task<long> RunAsync(TaskActivityContext context, AuditRecord input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(input.IdempotencyKey);
        var entry = await audit.AppendAsync(input.CycleId, input.ToEvent()).ConfigureAwait(false);
        return entry.Sequence;
    }
}
