using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Storage;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.Responses;

public sealed partial class ResponseStore
{
    /// <summary>
    /// Submits the response, once. With <paramref name="finalContent"/> the content is saved and submitted in one write;
    /// without it, the stored version is submitted. A second submission is refused (<see cref="ResponseOutcomeKind.AlreadySubmitted"/>,
    /// nothing changes) unless it repeats the first one's <paramref name="idempotencyKey"/>, which returns the first result.
    /// After the close, the council's <see cref="LateResponseRule"/> applies: marked late, or refused and kept as a draft.
    /// <paramref name="read"/>: the stored response as read earlier in this request, so it is not read twice.
    /// </summary>
    public async Task<ResponseOutcome> SubmitAsync(string cycleId, string consulteeId, string contributor, string? expectedETag, ResponseRules rules,
        ResponseContent? finalContent = null, string? idempotencyKey = null, ResponseRead? read = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var stored = await CurrentAsync(cycleId, consulteeId, read, cancellationToken).ConfigureAwait(false);
        if (stored is { Erased: true })
        {
            return ErasedOutcome;
        }

        if (stored is { Submitted: true })
        {
            return idempotencyKey is not null && await SubmissionKeyAsync(stored, cancellationToken).ConfigureAwait(false) == idempotencyKey
                ? new ResponseOutcome(ResponseOutcomeKind.Submitted, stored)
                : AlreadySubmitted(stored);
        }

        var content = finalContent ?? stored?.Content ?? new ResponseContent();
        var errors = ResponseValidator.Validate(content, contributor, rules.PledgeCount).ToList();
        if (errors.Count == 0 && content.IsEmpty)
        {
            errors.Add(new ValidationError("answers", "Answer at least one question or write a comment before you submit."));
        }

        if (errors.Count > 0)
        {
            return new ResponseOutcome(ResponseOutcomeKind.Invalid, stored, Errors: errors, Message: "Some answers need changing before you can submit.");
        }

        var late = rules.IsLate(Today(rules));
        if (late && rules.LateResponses == LateResponseRule.Refuse)
        {
            await KeepDraftAsync(cycleId, consulteeId, content, contributor, "late-refused", expectedETag, cancellationToken).ConfigureAwait(false);
            return ClosedOutcome(rules);
        }

        if (stored is not null && stored.ETag != expectedETag && !content.SameAs(stored.Content))
        {
            return await ConflictAsync(stored, content, contributor, expectedETag, cancellationToken).ConfigureAwait(false);
        }

        var next = Next(stored, cycleId, consulteeId, content, contributor) with
        {
            Status = ResponseStatus.Submitted,
            SubmittedAt = _time.GetUtcNow(),
            SubmittedBy = contributor.Trim(),
            Late = late,
        };
        var entity = ResponseRows.ToEntity(next);
        entity["SubmissionKey"] = idempotencyKey;
        return Telemetry.WorkflowMetrics.ResponseReceived(
            await WriteAsync(stored, next, entity, content, contributor, expectedETag, ResponseOutcomeKind.Submitted, cancellationToken).ConfigureAwait(false));
    }

    private async Task<string?> SubmissionKeyAsync(StoredResponse stored, CancellationToken cancellationToken)
    {
        var entity = await _table.FindAsync(stored.CycleId, stored.ConsulteeId, ["SubmissionKey"], cancellationToken).ConfigureAwait(false);
        return entity?.GetString("SubmissionKey");
    }
}
