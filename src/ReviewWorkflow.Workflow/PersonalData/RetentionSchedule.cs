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
            if (entry.Action is AuditActions.Adopted or AuditActions.CycleClosed)
            {
                ended = entry.Time;
            }
        }

        var done = await register.RetentionDoneAsync(cycleId, cancellationToken).ConfigureAwait(false);
        return new RetentionStatus(ended, ended?.AddMonths(Months), done);
    }
}

/// <summary>A cycle's retention dates; <see cref="DueAt"/> is null while the cycle runs.</summary>
public sealed record RetentionStatus(DateTimeOffset? EndedAt, DateTimeOffset? DueAt, DateTimeOffset? RemovedAt);
