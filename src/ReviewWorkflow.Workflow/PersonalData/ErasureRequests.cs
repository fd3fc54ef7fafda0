using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>
/// An administrator's erasure request for one address across cycles, answered once per Idempotency-Key (a retry gets
/// the first answer; the same key for another address is refused). Erasing an address already erased answers
/// <see cref="ErasureAnswer.AlreadyErased"/>; an address never held answers <see cref="ErasureOutcome.NotFound"/>.
/// </summary>
public sealed class ErasureRequests(PersonalDataLocator locator, PersonalDataEraser eraser, PersonalDataRegister register, TimeProvider time)
{
    public async Task<(ErasureOutcome Outcome, ErasureAnswer? Answer)> EraseAsync(string email, string reason, Actor actor, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var consulteeId = ConsulteeId.For(email);
        var emailHash = PersonalDataRegister.Hash(EmailAddress.Normalise(email));
        if (await register.FindRequestAsync(idempotencyKey, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return earlier.EmailHash == emailHash ? (ErasureOutcome.Repeated, earlier.Answer) : (ErasureOutcome.KeyReused, null);
        }

        var records = await locator.FindAsync(email, cancellationToken).ConfigureAwait(false);
        if (records.Count == 0)
        {
            var before = await register.ErasuresOfAsync(consulteeId, cancellationToken).ConfigureAwait(false);
            if (before.Count == 0)
            {
                return (ErasureOutcome.NotFound, null);
            }

            var already = new ErasureAnswer(consulteeId, true, [.. before.Select(b => new CycleErasure(b.CycleId, b.Label, new ErasureCounts()))], new ErasureCounts(), time.GetUtcNow());
            return (ErasureOutcome.Erased, await register.RecordRequestAsync(idempotencyKey, emailHash, already, cancellationToken).ConfigureAwait(false));
        }

        var cycles = new List<CycleErasure>();
        var totals = new ErasureCounts();
        foreach (var record in records)
        {
            var counts = await eraser.EraseAsync(record.CycleId, [record], AuditActions.PersonalDataErased, actor, reason,
                $"erasure/{PersonalDataRegister.Hash(idempotencyKey)}", cancellationToken).ConfigureAwait(false);
            cycles.Add(new CycleErasure(record.CycleId, record.Label, counts));
            totals += counts;
        }

        var answer = new ErasureAnswer(consulteeId, false, cycles, totals, time.GetUtcNow());
        return (ErasureOutcome.Erased, await register.RecordRequestAsync(idempotencyKey, emailHash, answer, cancellationToken).ConfigureAwait(false));
    }
}

public enum ErasureOutcome
{
    Erased,
    Repeated,
    NotFound,
    KeyReused,
}
