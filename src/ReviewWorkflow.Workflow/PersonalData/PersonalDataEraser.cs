using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ReviewWorkflow.DurableTask.Privacy;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Hosting;
using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>
/// Erases consultees' personal data from every store <see cref="PersonalDataCatalog"/> lists, for one cycle at a time:
/// the register marks them erased first (from then on no email goes to them and no link is issued), then the audit
/// trail (salt destroyed, rows redacted), the response (marked, free text and names removed, drafts deleted), the link
/// (revoked for good), the local outbox, and the task hub (names and addresses replaced in rows and blobs); a last
/// audit pass catches a row a racing save appended meanwhile. One audit row records the erasure with counts and the
/// reason, without the erased data. Every step is idempotent, so running it again (a retried request, the retention
/// process after an erasure) changes nothing more.
/// </summary>
public sealed class PersonalDataEraser(
    PersonalDataRegister register,
    AuditLog audit,
    ResponseStore responses,
    WorkflowTables tables,
    TaskHubRedactor taskHub,
    TimeProvider time,
    IOutbox? outbox = null)
{
    /// <summary>Erases <paramref name="consultees"/> (all of one cycle); <paramref name="why"/> is recorded with the audit row.</summary>
    public async Task<ErasureCounts> EraseAsync(string cycleId, IReadOnlyList<ConsulteeRecord> consultees, string action, Cycles.Actor actor, string why,
        string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consultees);
        ArgumentNullException.ThrowIfNull(actor);
        var counts = new ErasureCounts();
        foreach (var c in consultees)
        {
            await register.MarkErasedAsync(cycleId, c.ConsulteeId, c.Label, time.GetUtcNow(), action, cancellationToken).ConfigureAwait(false);
            counts += new ErasureCounts
            {
                Consultees = 1,
                AuditRows = await audit.RedactAsync(cycleId, c.ConsulteeId, c.Label, cancellationToken).ConfigureAwait(false),
                Responses = await responses.EraseAsync(cycleId, c.ConsulteeId, c.Label, cancellationToken).ConfigureAwait(false),
                Links = await RevokeLinkAsync(cycleId, c.ConsulteeId, cancellationToken).ConfigureAwait(false),
                OutboxMessages = outbox is null ? 0 : await outbox.DeleteToAsync(c.Email, cancellationToken).ConfigureAwait(false),
            };
        }

        var redactions = consultees.SelectMany(c => new[]
        {
            new TaskHubRedaction(c.Email, PersonalDataCatalog.ErasedAddress(c.ConsulteeId), IgnoreCase: true),
            new TaskHubRedaction(c.Name, c.Label),
        }).ToList();
        counts += new ErasureCounts { TaskHub = await taskHub.RedactAsync(cycleId, redactions, cancellationToken).ConfigureAwait(false) };

        foreach (var c in consultees)
        {
            // A save that passed its checks before the mark may append its row after the first pass.
            counts += new ErasureCounts { AuditRows = await audit.RedactAsync(cycleId, c.ConsulteeId, c.Label, cancellationToken).ConfigureAwait(false) };
        }

        await audit.AppendAsync(cycleId, new AuditEvent
        {
            Actor = actor.Email,
            Role = actor.Role,
            Action = action,
            Subject = consultees.Count == 1 ? consultees[0].ConsulteeId : null,
            Details = new JsonObject
            {
                ["reason"] = why,
                ["consultees"] = counts.Consultees,
                ["responses"] = counts.Responses,
                ["links"] = counts.Links,
                ["auditRows"] = counts.AuditRows,
                ["taskHub"] = counts.TaskHub,
                ["outbox"] = counts.OutboxMessages,
            },
            IdempotencyKey = idempotencyKey,
        }, cancellationToken).ConfigureAwait(false);
        return counts;
    }

    /// <summary>Revokes the consultee's link for good: the row keeps no token hash and is marked erased, so the link
    /// issuer never issues another.</summary>
    private async Task<int> RevokeLinkAsync(string cycleId, string consulteeId, CancellationToken cancellationToken)
    {
        var row = await tables.Links.FindAsync(cycleId, consulteeId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row?.GetBoolean("Erased") == true)
        {
            return 0;
        }

        await tables.Links.UpsertEntityAsync(new TableEntity(cycleId, consulteeId)
        {
            ["Generation"] = (row?.GetInt32("Generation") ?? 1) + 1,
            ["Revoked"] = true,
            ["Erased"] = true,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return 1;
    }
}
