using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>
/// One retention pass: every cycle whose retention date has passed on the app's clock has its remaining consultees
/// erased (names become "Consultee 14", addresses and free text go, links are revoked; counts, views per pledge and
/// "you said, we did" themes stay) and is marked done. Run by <see cref="PersonalDataRetentionOrchestrator"/> through
/// <see cref="RedactDuePersonalDataActivity"/>; idempotent (a cycle marked done is skipped, erasure steps repeat safely).
/// </summary>
public sealed class RetentionPass(PersonalDataLocator locator, PersonalDataEraser eraser, RetentionSchedule schedule, PersonalDataRegister register, TimeProvider time)
{
    public async Task<RetentionPassResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? next = null;
        var redacted = new List<string>();
        foreach (var cycleId in await locator.CycleIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            var status = await schedule.StatusAsync(cycleId, cancellationToken).ConfigureAwait(false);
            if (status.RemovedAt is not null || status.DueAt is not { } due)
            {
                continue;
            }

            if (due > now)
            {
                next = next is { } n && n < due ? n : due;
                continue;
            }

            var consultees = await locator.ConsulteesAsync(cycleId, cancellationToken).ConfigureAwait(false);
            await eraser.EraseAsync(cycleId, consultees, AuditActions.PersonalDataRetentionApplied, new Actor("system", AuditRole.System),
                $"Retention period of {schedule.Months} months after {status.EndedAt:yyyy-MM-dd} ended.", $"retention/{cycleId}", cancellationToken).ConfigureAwait(false);
            await register.MarkRetentionDoneAsync(cycleId, now, cancellationToken).ConfigureAwait(false);
            redacted.Add(cycleId);
        }

        return new RetentionPassResult(now, next, redacted);
    }
}

/// <param name="Now">The app's clock when the pass ran (the orchestrator's only source of time).</param>
/// <param name="NextDue">The earliest retention date still ahead, or null.</param>
public sealed record RetentionPassResult(DateTimeOffset Now, DateTimeOffset? NextDue, IReadOnlyList<string> Redacted);
