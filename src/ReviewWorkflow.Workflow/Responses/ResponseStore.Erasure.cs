using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.Responses;

public sealed partial class ResponseStore
{
    /// <summary>
    /// Erases one consultee's personal data from their response: free text (comments on each pledge and overall) goes,
    /// every contributor's name becomes <paramref name="label"/>; views, status, late flag, dates and version stay, so
    /// counts and views per pledge survive. The row is marked erased first (a tombstone when nothing was saved yet), each
    /// write guarded (insert-only, or the ETag read), so a save or submission racing it either lands before and is
    /// redacted here, or meets the mark and is refused; then the kept-aside drafts are deleted. Idempotent.
    /// </summary>
    /// <returns>How many rows were changed or deleted.</returns>
    public async Task<int> EraseAsync(string cycleId, string consulteeId, string label, CancellationToken cancellationToken = default)
    {
        TableKeys.CheckBoth(cycleId, consulteeId);
        var changed = 0;
        for (var attempt = 0; ; attempt++)
        {
            var stored = await GetAsync(cycleId, consulteeId, cancellationToken).ConfigureAwait(false);
            if (stored is { Erased: true } && stored.Content.Comments is null && stored.Content.Answers.All(a => a.Comment is null))
            {
                break;
            }

            var erased = Redacted(stored, cycleId, consulteeId, label);
            try
            {
                if (stored?.ETag is { } etag)
                {
                    await _table.UpdateEntityAsync(ResponseRows.ToEntity(erased), new ETag(etag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _table.AddEntityAsync(ResponseRows.ToEntity(erased), cancellationToken).ConfigureAwait(false);
                }

                _tally.Written(cycleId, consulteeId, erased.Status, erased.Late);
                changed++;
                break;
            }
            catch (RequestFailedException ex) when ((StorageFailures.IsConflict(ex) || StorageFailures.IsPreconditionFailed(ex)) && attempt < 20)
            {
                // A save landed in between: read it again and redact that.
            }
        }

        var drafts = TableClient.CreateQueryFilter($"PartitionKey eq {cycleId} and RowKey ge {ResponseRows.DraftPrefix(consulteeId)} and RowKey lt {ResponseRows.DraftEnd(consulteeId)}");
        await foreach (var draft in _table.QueryAsync<TableEntity>(drafts, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await _table.DeleteEntityAsync(draft.PartitionKey, draft.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            changed++;
        }

        return changed;
    }

    private static StoredResponse Redacted(StoredResponse? stored, string cycleId, string consulteeId, string label) => stored is null
        ? new StoredResponse { CycleId = cycleId, ConsulteeId = consulteeId, Status = ResponseStatus.NotStarted, Erased = true }
        : stored with
        {
            Content = new ResponseContent { Answers = [.. stored.Content.Answers.Select(a => a with { Comment = null })], Comments = null },
            Contributors = [.. stored.Contributors.Select((c, i) => c with { Name = stored.Contributors.Count == 1 ? label : $"{label} ({i + 1})" })],
            SubmittedBy = stored.SubmittedBy is null ? null : label,
            Erased = true,
        };
}
