using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>
/// A subject access request: everything held about an email address, grouped by cycle and by store — who they are in
/// the cycle (the task hub's consultation input), their response and kept-aside drafts, the audit rows about them, and
/// (locally) the emails sent to them — plus the cycles where they were erased before.
/// </summary>
public sealed class SubjectAccess(PersonalDataLocator locator, ResponseStore responses, AuditLog audit, PersonalDataRegister register, IOutbox? outbox = null)
{
    public async Task<SubjectAccessReport> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        var consulteeId = ConsulteeId.For(email);
        var cycles = new List<CycleHoldings>();
        foreach (var record in await locator.FindAsync(email, cancellationToken).ConfigureAwait(false))
        {
            var response = await responses.GetAsync(record.CycleId, consulteeId, cancellationToken).ConfigureAwait(false);
            var drafts = await responses.ListDraftsAsync(record.CycleId, consulteeId, cancellationToken).ConfigureAwait(false);
            var rows = (await audit.ReadAllAsync(record.CycleId, cancellationToken).ConfigureAwait(false))
                .Where(e => e.Subject == consulteeId || e.PersonalSubject == consulteeId).ToList();
            var emails = outbox is null
                ? []
                : (await outbox.ListAsync(cancellationToken).ConfigureAwait(false))
                    .Where(m => string.Equals(m.To.Trim(), record.Email, StringComparison.OrdinalIgnoreCase)
                        && m.CustomArgs.TryGetValue("cycleId", out var c) && c == record.CycleId).ToList();
            cycles.Add(new CycleHoldings(record, response is { Erased: false } ? response : null, drafts, rows, emails));
        }

        var erased = await register.ErasuresOfAsync(consulteeId, cancellationToken).ConfigureAwait(false);
        return new SubjectAccessReport(consulteeId, cycles, [.. erased.Select(e => new PastErasure(e.CycleId, e.Label, e.ErasedAt))]);
    }
}

/// <summary>Everything held about one address.</summary>
public sealed record SubjectAccessReport(string ConsulteeId, IReadOnlyList<CycleHoldings> Cycles, IReadOnlyList<PastErasure> Erased)
{
    public bool Found => Cycles.Count > 0;
}

/// <summary>One cycle's holdings about the person, per store.</summary>
public sealed record CycleHoldings(ConsulteeRecord Consultee, StoredResponse? Response, IReadOnlyList<ResponseDraft> Drafts, IReadOnlyList<AuditEntry> AuditRows, IReadOnlyList<OutboxMessage> Emails);

/// <summary>A cycle where this person's data was erased already (only the label and date remain).</summary>
public sealed record PastErasure(string CycleId, string Label, DateTimeOffset ErasedAt);
