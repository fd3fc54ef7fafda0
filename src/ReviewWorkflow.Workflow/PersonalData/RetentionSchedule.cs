using Microsoft.Extensions.Options;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>When a cycle's consultees' personal data falls due for removal: the day it was adopted or closed (the
/// audit row's time, on the app's clock) plus the council's retention months. Data, not a timer.</summary>
public sealed class RetentionSchedule(AuditLog audit, PersonalDataRegister register, IOptions<WorkflowOptions> options)
{
    public int Months => options.Value.Council.PersonalDataRetentionMonths ?? CouncilOverrides.DefaultPersonalDataRetentionMonths;

    /// <summary>The cycle's retention: when it ended, when its personal data is due to go, and when it went (or nulls).</summary>
    public async Task<RetentionStatus> StatusAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        DateTimeOffset? ended = null;
        await foreach (var entry in audit.ReadAsync(cycleId, cancellationToken).ConfigureAwait(false))
        {
            ended = EndOf(entry) ?? ended;
        }

        return await StatusAsync(cycleId, ended, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same from the cycle's trail the caller has already read (the cycle page), without reading it again.</summary>
    public Task<RetentionStatus> StatusAsync(string cycleId, IEnumerable<AuditEntry> trail, CancellationToken cancellationToken = default) =>
        StatusAsync(cycleId, trail.Select(EndOf).LastOrDefault(e => e is not null), cancellationToken);

    private async Task<RetentionStatus> StatusAsync(string cycleId, DateTimeOffset? ended, CancellationToken cancellationToken)
    {
        var done = await register.RetentionDoneAsync(cycleId, cancellationToken).ConfigureAwait(false);
        return new RetentionStatus(ended, ended?.AddMonths(Months), done);
    }

    private static DateTimeOffset? EndOf(AuditEntry entry) =>
        entry.Action is AuditActions.Adopted or AuditActions.CycleClosed ? entry.Time : null;
}

/// <summary>A cycle's retention dates; <see cref="DueAt"/> is null while the cycle runs.</summary>
public sealed record RetentionStatus(DateTimeOffset? EndedAt, DateTimeOffset? DueAt, DateTimeOffset? RemovedAt);
