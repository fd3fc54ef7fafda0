using System.Globalization;
using ReviewWorkflow.Storage;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Caching;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Responses;

/// <summary>
/// Consultees' responses, one row per consultee (partition = cycle id): save and come back as often as needed, then
/// submit once. Every write is guarded by the ETag the writer last saw, so two colleagues saving the same response get a
/// <see cref="ResponseConflict"/> with both versions instead of one silently overwriting the other; the losing version
/// is also kept as a draft row, so nothing anyone typed is lost.
/// </summary>
public sealed partial class ResponseStore
{
    /// <summary>What <see cref="GetAsync"/> returned earlier in the same request (null inside: nothing was stored), or,
    /// with <paramref name="FromMemory"/>, what this store last read or wrote for the consultee (<see cref="ForWriteAsync"/>).</summary>
    public sealed record ReadResponse(StoredResponse? Response, bool FromMemory = false);

    public const string DefaultTableName = "ReviewResponses";

    /// <summary>How many consultees' last-known responses are kept for <see cref="ForWriteAsync"/> (least recently used go first).</summary>
    public const int RecentCapacity = 2048;

    /// <summary>Responses with more characters of comments than this are not kept in memory (they are read again before a
    /// write), so the memory stays under ≈ <see cref="RecentCapacity"/> × 16 KB however much people write.</summary>
    public const int RecentMaxCharacters = 8_000;

    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly BoundedCache<(string Cycle, string Consultee), ReadResponse> _recent = new(RecentCapacity);
    private int _draftCounter;

    public ResponseStore(TableClient table, TimeProvider time)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The stored response, or null when the consultee has not saved anything (status not-started).</summary>
    public async Task<StoredResponse?> GetAsync(string cycleId, string consulteeId, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityAsync(cycleId, consulteeId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var stored = entity is null ? null : ResponseRows.FromEntity(entity);
        Remember(cycleId, consulteeId, stored);
        return stored;
    }

    /// <summary>
    /// What a save or submission about to happen may start from: the response this store last read or wrote for the
    /// consultee, without a storage call, or (when it has none) a read now. A save or submission given a read
    /// <see cref="ReadResponse.FromMemory"/> uses it only when it is the version the person started from (their ETag),
    /// writes guarded by its ETag, and decides again on a fresh read if that write finds another version: so the result
    /// is the same as if it had read first (every other process's save is still a conflict, every submission is still
    /// final), one storage call fewer when nobody else wrote.
    /// </summary>
    public async Task<ReadResponse> ForWriteAsync(string cycleId, string consulteeId, CancellationToken cancellationToken = default) =>
        _recent.TryGet((cycleId, consulteeId), out var known)
            ? known
            : new ReadResponse(await GetAsync(cycleId, consulteeId, cancellationToken).ConfigureAwait(false));

    private void Remember(string cycleId, string consulteeId, StoredResponse? stored)
    {
        if (stored is not null && (stored.Content.Comments?.Length ?? 0) + stored.Content.Answers.Sum(a => a?.Comment?.Length ?? 0) > RecentMaxCharacters)
        {
            Forget(cycleId, consulteeId);
            return;
        }

        _recent.Set((cycleId, consulteeId), new ReadResponse(stored, FromMemory: true));
    }

    private void Forget(string cycleId, string consulteeId) => _recent.Remove((cycleId, consulteeId));

    /// <summary>The stored response as the caller read it moments ago in the same request (<see cref="Read"/>), or read
    /// now when the caller has none. Safe because every write is guarded: if someone wrote in between, the guarded write
    /// fails and the outcome is decided on a fresh read.</summary>
    private Task<StoredResponse?> CurrentAsync(string cycleId, string consulteeId, ReadResponse? read, CancellationToken cancellationToken) =>
        read is not null ? Task.FromResult(read.Response) : GetAsync(cycleId, consulteeId, cancellationToken);

    /// <summary>A read from memory is used only when it is the version the person started from (or already submitted,
    /// which is final); otherwise null: read now.</summary>
    private static ReadResponse? Usable(ReadResponse? read, string? expectedETag) =>
        read is { FromMemory: true } && read.Response?.ETag != expectedETag && read.Response is not { Submitted: true } ? null : read;

    /// <summary>Every saved or submitted response of the cycle (consultees with none are not-started).</summary>
    public async Task<IReadOnlyList<StoredResponse>> ListAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var responses = new List<StoredResponse>();
        var filter = TableFilter.Create($"PartitionKey eq {cycleId} and Kind eq {"response"}");
        await foreach (var entity in _table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            responses.Add(ResponseRows.FromEntity(entity));
        }

        return responses;
    }

    private static readonly string[] TallyColumns = ["PartitionKey", "RowKey", "Status", "Late"];

    /// <summary>Each consultee's response status and late flag (by consultee id), with only those columns read: what the
    /// dashboard, the cycle page and the consultee list need, without transferring and parsing every response's answers
    /// and comments (about 1 KB a row) as <see cref="ListAsync"/> does.</summary>
    public async Task<IReadOnlyDictionary<string, (ResponseStatus Status, bool Late)>> TallyAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var rows = new Dictionary<string, (ResponseStatus, bool)>(StringComparer.Ordinal);
        var filter = TableFilter.Create($"PartitionKey eq {cycleId} and Kind eq {"response"}");
        await foreach (var entity in _table.QueryAsync(filter, TallyColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows[entity.RowKey] = (Enum.TryParse<ResponseStatus>(entity.GetString("Status"), out var status) ? status : ResponseStatus.InProgress, entity.GetBoolean("Late") ?? false);
        }

        return rows;
    }

    /// <summary>The versions kept aside for one consultee, oldest first.</summary>
    public async Task<IReadOnlyList<ResponseDraft>> ListDraftsAsync(string cycleId, string consulteeId, CancellationToken cancellationToken = default)
    {
        var drafts = new List<ResponseDraft>();
        var filter = TableFilter.Create($"PartitionKey eq {cycleId} and RowKey ge {ResponseRows.DraftPrefix(consulteeId)} and RowKey lt {ResponseRows.DraftEnd(consulteeId)}");
        await foreach (var entity in _table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
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
                return id;
            }
            catch (StorageRequestException ex) when (ex.IsConflict)
            {
                // Another process with the same id pattern got there first; the counter moves on.
            }
        }
    }

    private static ResponseOutcome ClosedOutcome(ResponseRules rules) => new(ResponseOutcomeKind.Closed,
        Message: rules.ClosedEarly
            ? "This consultation has closed, so your response could not be accepted. We have kept what you wrote; contact the strategy lead if you still want it considered."
            : $"This consultation closed on {Format(rules.Closes)}, so your response could not be accepted. We have kept what you wrote; contact the strategy lead if you still want it considered.");

    private static ResponseOutcome AlreadySubmitted(StoredResponse stored) => new(ResponseOutcomeKind.AlreadySubmitted, stored,
        Message: $"This response was already submitted{(stored.SubmittedAt is { } at ? " on " + Format(DateOnly.FromDateTime(at.UtcDateTime)) : "")} and can no longer be changed. Contact the strategy lead if something needs correcting.");

    private DateOnly Today(ResponseRules rules) => CouncilClock.Today(_time, rules.Settings);
}
