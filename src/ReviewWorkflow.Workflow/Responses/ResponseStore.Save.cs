using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.Responses;

public sealed partial class ResponseStore
{
    /// <summary>
    /// Saves a version. <paramref name="expectedETag"/> is the ETag of the version the person started from (null for a
    /// first save). If someone saved since, nothing is overwritten: the result is <see cref="ResponseOutcomeKind.Conflict"/>
    /// with both versions. Saving exactly what is stored already succeeds, so a retried save is harmless.
    /// <paramref name="read"/>: the stored response as read earlier in this request, so it is not read twice.
    /// </summary>
    public async Task<ResponseOutcome> SaveAsync(string cycleId, string consulteeId, ResponseContent content, string contributor, string? expectedETag,
        ResponseRules rules, ResponseRead? read = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(rules);
        var errors = ResponseValidator.Validate(content, contributor, rules.PledgeCount);
        if (errors.Count > 0)
        {
            return new ResponseOutcome(ResponseOutcomeKind.Invalid, Errors: errors, Message: "Some answers need changing before they can be saved.");
        }

        var stored = await CurrentAsync(cycleId, consulteeId, read, cancellationToken).ConfigureAwait(false);
        if (stored is { Erased: true })
        {
            return ErasedOutcome;
        }

        if (stored is { Submitted: true })
        {
            return AlreadySubmitted(stored);
        }

        if (rules.IsLate(Today(rules)) && rules.LateResponses == LateResponseRule.Refuse)
        {
            await KeepDraftAsync(cycleId, consulteeId, content, contributor, "late-refused", expectedETag, cancellationToken).ConfigureAwait(false);
            return ClosedOutcome(rules);
        }

        if (stored is not null && stored.ETag != expectedETag)
        {
            return content.SameAs(stored.Content)
                ? new ResponseOutcome(ResponseOutcomeKind.Saved, stored)
                : await ConflictAsync(stored, content, contributor, expectedETag, cancellationToken).ConfigureAwait(false);
        }

        var next = Next(stored, cycleId, consulteeId, content, contributor) with { Status = ResponseStatus.InProgress };
        return await WriteAsync(stored, next, ResponseRows.ToEntity(next), content, contributor, expectedETag, ResponseOutcomeKind.Saved, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next version: content, timestamps, version number and contributor list updated.</summary>
    private StoredResponse Next(StoredResponse? stored, string cycleId, string consulteeId, ResponseContent content, string contributor)
    {
        var now = _time.GetUtcNow();
        var name = contributor.Trim();
        var contributors = (stored?.Contributors ?? []).ToList();
        var index = contributors.FindIndex(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            contributors.Add(new ResponseContributor { Name = name, FirstSavedAt = now, LastSavedAt = now, Saves = 1 });
        }
        else
        {
            contributors[index] = contributors[index] with { LastSavedAt = now, Saves = contributors[index].Saves + 1 };
        }

        return new StoredResponse
        {
            CycleId = cycleId,
            ConsulteeId = consulteeId,
            Content = content,
            Status = ResponseStatus.InProgress,
            StartedAt = stored?.StartedAt ?? now,
            UpdatedAt = now,
            Contributors = contributors,
            Version = (stored?.Version ?? 0) + 1,
        };
    }

    /// <summary>Inserts (first version: 409 if someone else inserted first) or replaces guarded by the stored ETag (412 if
    /// it changed, 404 if it went); a lost race turns into a conflict decided on a fresh read.</summary>
    private async Task<ResponseOutcome> WriteAsync(StoredResponse? stored, StoredResponse next, TableEntity entity, ResponseContent attempted, string contributor,
        string? expectedETag, ResponseOutcomeKind success, CancellationToken cancellationToken)
    {
        try
        {
            var response = stored?.ETag is { } ifMatch
                ? await _table.UpdateEntityAsync(entity, new ETag(ifMatch), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                : await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            _tally.Written(next.CycleId, next.ConsulteeId, next.Status, next.Late);
            return new ResponseOutcome(success, next with { ETag = response.Headers.ETag?.ToString() });
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            var current = await GetAsync(next.CycleId, next.ConsulteeId, cancellationToken).ConfigureAwait(false);
            if (current is { Erased: true })
            {
                return ErasedOutcome; // lost the race to an erasure: what was sent is not kept anywhere
            }

            if (current is { Submitted: true })
            {
                return AlreadySubmitted(current);
            }

            if (current is null)
            {
                throw;
            }

            return await ConflictAsync(current, attempted, contributor, expectedETag, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ResponseOutcome> ConflictAsync(StoredResponse stored, ResponseContent attempted, string contributor, string? expectedETag, CancellationToken cancellationToken)
    {
        var draftId = await KeepDraftAsync(stored.CycleId, stored.ConsulteeId, attempted, contributor, "conflict", expectedETag, cancellationToken).ConfigureAwait(false);
        var who = stored.Contributors.OrderByDescending(c => c.LastSavedAt).FirstOrDefault()?.Name ?? "someone else";
        return new ResponseOutcome(ResponseOutcomeKind.Conflict, stored,
            new ResponseConflict(stored, attempted, contributor, expectedETag, draftId),
            Message: $"{who} saved this response while you were working on it. Both versions are shown: keep what you need from each and save again. Nothing has been lost.");
    }
}
