using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.Audit;

/// <summary>
/// The append-only, hash-chained audit trail of review cycles in one table (partition = cycle id). Rows are only ever
/// inserted (an insert carries no ETag, so it succeeds only where no row is): two writers racing for the same sequence get
/// 409 from the service, and the loser re-reads the tail and
/// tries the next sequence, so nothing is overwritten and the chain has no gaps. There is deliberately no update or
/// delete here. Safe to share across threads and to run in several processes at once.
/// </summary>
public sealed partial class AuditLog
{
    /// <summary>The table the host creates for the audit trail.</summary>
    public const string DefaultTableName = "ReviewAudit";

    private const int MaxAttempts = 100;

    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly AuditSalts? _salts;
    private readonly ConcurrentDictionary<string, AuditTail> _tails = new(StringComparer.Ordinal);

    /// <param name="salts">Where consultees' salts are kept (scheme v2); without it, events naming a
    /// <see cref="AuditEvent.PersonalSubject"/> are refused.</param>
    public AuditLog(TableClient table, TimeProvider time, AuditSalts? salts = null)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _salts = salts;
    }

    /// <summary>
    /// Appends one entry and returns it. With an <see cref="AuditEvent.IdempotencyKey"/>, the entry and a key row are
    /// inserted in one entity-group transaction (both or neither); appending the same key again returns the first entry and writes nothing.
    /// </summary>
    public async Task<AuditEntry> AppendAsync(string cycleId, AuditEvent audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var details = audit.Details?.ToJsonString();
        AuditEventCheck.Validate(cycleId, audit, details);
        TableKeys.Check(cycleId, nameof(cycleId));

        if (audit.IdempotencyKey is { } key && await FindByKeyAsync(cycleId, key, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }

        var salt = await SaltForAsync(cycleId, audit, cancellationToken).ConfigureAwait(false);

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var tail = _tails.TryGetValue(cycleId, out var known) ? known : await RefreshTailAsync(cycleId, AuditTail.Empty, cancellationToken).ConfigureAwait(false);
            var entry = NewEntry(cycleId, audit, details, tail, salt);
            try
            {
                await InsertAsync(entry, cancellationToken).ConfigureAwait(false);
                Advance(cycleId, new AuditTail(entry.Sequence, entry.Hash, entry.Time));
                return entry;
            }
            catch (RequestFailedException ex) when (StorageFailures.IsConflict(ex))
            {
                if (audit.IdempotencyKey is { } k && await FindByKeyAsync(cycleId, k, cancellationToken).ConfigureAwait(false) is { } raced)
                {
                    return raced;
                }

                await RefreshTailAsync(cycleId, tail, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"Could not append to the audit trail of cycle '{cycleId}' after {MaxAttempts} attempts; other writers kept taking the next sequence.");
    }

    private async Task<AuditSalt?> SaltForAsync(string cycleId, AuditEvent audit, CancellationToken cancellationToken)
    {
        if (audit.PersonalSubject is not { } subject)
        {
            return audit.PersonalDetails is null ? null : throw new ArgumentException("PersonalDetails need a PersonalSubject.", nameof(audit));
        }

        TableKeys.Check(subject, nameof(audit));
        var salts = _salts ?? throw new InvalidOperationException("This audit log has no salt table: it cannot record personal data.");
        return await salts.GetOrCreateAsync(cycleId, subject, cancellationToken).ConfigureAwait(false);
    }

    private AuditEntry NewEntry(string cycleId, AuditEvent audit, string? details, AuditTail tail, AuditSalt? salt)
    {
        var now = AuditHasher.Truncate(_time.GetUtcNow());
        var entry = new AuditEntry
        {
            CycleId = cycleId,
            Sequence = tail.Sequence + 1,
            Time = now < tail.Time ? tail.Time : now,
            Actor = audit.Actor,
            Role = audit.Role,
            Action = audit.Action,
            Subject = audit.Subject,
            Details = details,
            RequestId = audit.RequestId,
            MessageId = audit.MessageId,
            IdempotencyKey = audit.IdempotencyKey,
            PreviousHash = tail.Hash,
        };
        if (salt is not null)
        {
            var personal = audit.PersonalDetails?.ToJsonString();
            entry = salt.Key is { } key
                ? entry with { Scheme = 2, PersonalSubject = audit.PersonalSubject, PersonalDetails = personal, PersonalDigest = AuditHasher.PersonalDigest(key, audit.Actor, personal) }
                : entry with { Scheme = 2, PersonalSubject = audit.PersonalSubject, Actor = salt.ErasedAs ?? "Consultee", Redacted = true }; // erased: written redacted
        }

        return entry with { Hash = AuditHasher.Compute(entry) };
    }

    private async Task InsertAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var row = AuditRows.ToEntity(entry);
        if (entry.IdempotencyKey is null)
        {
            await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return;
        }

        var keyRow = AuditRows.ToKeyEntity(entry.CycleId, entry.IdempotencyKey, entry.Sequence);
        await _table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, row), new TableTransactionAction(TableTransactionActionType.Add, keyRow)],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The entry appended with <paramref name="idempotencyKey"/>, or null (a retry's first answer).</summary>
    public Task<AuditEntry?> FindAsync(string cycleId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        FindByKeyAsync(cycleId, idempotencyKey, cancellationToken);

    private async Task<AuditEntry?> FindByKeyAsync(string cycleId, string key, CancellationToken cancellationToken)
    {
        var keyRow = await _table.FindAsync(cycleId, AuditRows.IdempotencyRowKey(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (keyRow?.GetInt64("Sequence") is not { } sequence)
        {
            return null;
        }

        var row = await _table.FindAsync(cycleId, AuditRows.EntryKey(sequence), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : AuditRows.FromEntity(row);
    }

    /// <summary>Reads the entries after <paramref name="from"/> to find the current tail, and remembers it.</summary>
    private async Task<AuditTail> RefreshTailAsync(string cycleId, AuditTail from, CancellationToken cancellationToken)
    {
        var tail = from;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {cycleId} and RowKey gt {AuditRows.EntryKey(from.Sequence)} and RowKey lt {AuditRows.EntryEnd}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var entry = AuditRows.FromEntity(row);
            tail = new AuditTail(entry.Sequence, entry.Hash, entry.Time);
        }

        Advance(cycleId, tail);
        return tail;
    }

    private void Advance(string cycleId, AuditTail tail) =>
        _tails.AddOrUpdate(cycleId, tail, (_, current) => tail.Sequence > current.Sequence ? tail : current);
}
