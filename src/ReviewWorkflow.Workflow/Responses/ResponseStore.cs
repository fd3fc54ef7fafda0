using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Storage;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Responses;

/// <summary>
/// Consultees' responses, one row per consultee (partition = cycle id): save and come back as often as needed, then
/// submit once. A save or submission is one read (or the request's own, <see cref="ResponseRead"/>) and one write guarded
/// by the ETag read, so two colleagues saving the same response get a <see cref="ResponseConflict"/> with both versions
/// instead of one silently overwriting the other; the losing version is also kept as a draft row, so nothing anyone
/// typed is lost.
/// </summary>
public sealed partial class ResponseStore
{
    public const string DefaultTableName = "ReviewResponses";

    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly ResponseTally _tally = new();
    private int _draftCounter;

    public ResponseStore(TableClient table, TimeProvider time)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The stored response, or null when the consultee has not saved anything (status not-started).</summary>
    public async Task<StoredResponse?> GetAsync(string cycleId, string consulteeId, CancellationToken cancellationToken = default)
    {
        var entity = await _table.FindAsync(cycleId, consulteeId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ResponseRows.FromEntity(entity);
    }

    /// <summary>The stored response as the caller read it moments ago in the same request, or read now when the caller
    /// has none. Safe because every write is guarded: if someone wrote in between, the guarded write fails and the
    /// outcome is decided on a fresh read.</summary>
    private Task<StoredResponse?> CurrentAsync(string cycleId, string consulteeId, ResponseRead? read, CancellationToken cancellationToken) =>
        read is not null ? Task.FromResult(read.Response) : GetAsync(cycleId, consulteeId, cancellationToken);

    /// <summary>Every saved or submitted response of the cycle (consultees with none are not-started).</summary>
    public async Task<IReadOnlyList<StoredResponse>> ListAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var responses = new List<StoredResponse>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Check(cycleId, nameof(cycleId))} and Kind eq {"response"}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            responses.Add(ResponseRows.FromEntity(entity));
        }

        return responses;
    }

    private static readonly string[] TallyColumns = ["PartitionKey", "RowKey", "Status", "Late"];

    /// <summary>Each consultee's response status and late flag (by consultee id), with only those columns read: what the
    /// dashboard, the cycle page and the consultee list need, without transferring and parsing every response's answers
    /// and comments (about 1 KB a row) as <see cref="ListAsync"/> does.
    /// Held for a moment (<see cref="ResponseTally"/>): this process's own writes show at once.</summary>
    public Task<IReadOnlyDictionary<string, (ResponseStatus Status, bool Late)>> TallyAsync(string cycleId, CancellationToken cancellationToken = default) =>
        _tally.GetAsync(cycleId, () => ReadTallyAsync(cycleId, cancellationToken));

    private async Task<Dictionary<string, (ResponseStatus Status, bool Late)>> ReadTallyAsync(string cycleId, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, (ResponseStatus, bool)>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Check(cycleId, nameof(cycleId))} and Kind eq {"response"}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: TallyColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows[entity.RowKey] = (Enum.TryParse<ResponseStatus>(entity.GetString("Status"), out var status) ? status : ResponseStatus.InProgress, entity.GetBoolean("Late") ?? false);
        }

        return rows;
    }

    /// <summary>The versions kept aside for one consultee, oldest first.</summary>
    public async Task<IReadOnlyList<ResponseDraft>> ListDraftsAsync(string cycleId, string consulteeId, CancellationToken cancellationToken = default)
    {
        var drafts = new List<ResponseDraft>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Check(cycleId, nameof(cycleId))} and RowKey ge {ResponseRows.DraftPrefix(TableKeys.Check(consulteeId, nameof(consulteeId)))} and RowKey lt {ResponseRows.DraftEnd(consulteeId)}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            drafts.Add(ResponseRows.FromDraftEntity(entity));
        }

        return drafts;
    }

    /// <summary>Keeps a version aside and returns its id; draft ids sort by time.</summary>
    private async Task<string> KeepDraftAsync(string cycleId, string consulteeId, ResponseContent content, string contributor, string reason, string? basedOn, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        while (true)
        {
            var id = string.Create(CultureInfo.InvariantCulture,
                $"{ResponseRows.DraftPrefix(consulteeId)}{now.UtcTicks:D19}|{Environment.ProcessId:x}-{Interlocked.Increment(ref _draftCounter):D6}");
            try
            {
                await _table.AddEntityAsync(ResponseRows.ToDraftEntity(cycleId, id, content, contributor, reason, basedOn, now), cancellationToken).ConfigureAwait(false);

                // An erasure marks the response before it deletes the drafts: a draft written after that deletion sees the mark here.
                if (await GetAsync(cycleId, consulteeId, cancellationToken).ConfigureAwait(false) is { Erased: true })
                {
                    await _table.DeleteEntityAsync(cycleId, id, ETag.All, cancellationToken).ConfigureAwait(false);
                }

                return id;
            }
            catch (RequestFailedException ex) when (StorageFailures.IsConflict(ex))
            {
                // Another process with the same id pattern got there first; the counter moves on.
            }
        }
    }

    /// <summary>The answer to a save or submission for a consultee whose personal data was erased: nothing is stored.</summary>
    private static readonly ResponseOutcome ErasedOutcome = new(ResponseOutcomeKind.Closed,
        Message: "This response was removed at your request or because the council no longer keeps it, so nothing more can be saved. Contact the strategy lead if you have a question.");

    private static ResponseOutcome ClosedOutcome(ResponseRules rules) => new(ResponseOutcomeKind.Closed,
        Message: rules.ClosedEarly
            ? "This consultation has closed, so your response could not be accepted. We have kept what you wrote; contact the strategy lead if you still want it considered."
            : $"This consultation closed on {Format(rules.Closes)}, so your response could not be accepted. We have kept what you wrote; contact the strategy lead if you still want it considered.");

    private static ResponseOutcome AlreadySubmitted(StoredResponse stored) => new(ResponseOutcomeKind.AlreadySubmitted, stored,
        Message: $"This response was already submitted{(stored.SubmittedAt is { } at ? " on " + Format(DateOnly.FromDateTime(at.UtcDateTime)) : "")} and can no longer be changed. Contact the strategy lead if something needs correcting.");

    private DateOnly Today(ResponseRules rules) => CouncilClock.Today(_time, rules.Settings);
}
