using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.Audit;

public sealed partial class AuditLog
{
    /// <summary>The cycle's entries in sequence order.</summary>
    public async IAsyncEnumerable<AuditEntry> ReadAsync(string cycleId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in QueryEntriesAsync(cycleId, cancellationToken).ConfigureAwait(false))
        {
            yield return AuditRows.FromEntity(row);
        }
    }

    /// <summary>The cycle's entries in sequence order, as a list.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAllAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in ReadAsync(cycleId, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>
    /// Walks the chain from the first row: each sequence must follow the last with no gap, each row must name the previous
    /// row's hash, and each row's content must still hash to its stored hash. Reports the first row that fails and the
    /// total number of rows.
    /// </summary>
    public Task<AuditVerification> VerifyAsync(string cycleId, CancellationToken cancellationToken = default) =>
        WalkAsync(cycleId, null, cancellationToken);

    /// <summary>The cycle's entries in sequence order and the chain's verification, from one read of the rows (the cycle
    /// page shows both).</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, AuditVerification Verification)> ReadVerifiedAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var entries = new List<AuditEntry>();
        var verification = await WalkAsync(cycleId, entries, cancellationToken).ConfigureAwait(false);
        return (entries, verification);
    }

    private async Task<AuditVerification> WalkAsync(string cycleId, List<AuditEntry>? entries, CancellationToken cancellationToken)
    {
        long rows = 0;
        long redacted = 0;
        (long Sequence, string Reason)? broken = null;
        var previousHash = AuditHasher.Genesis;
        var salts = new SaltBook(_salts, cycleId);
        await foreach (var row in QueryEntriesAsync(cycleId, cancellationToken).ConfigureAwait(false))
        {
            rows++;
            if (broken is null && Check(row, rows, previousHash) is { } reason)
            {
                broken = (rows, reason);
            }

            var entry = AuditRows.FromEntity(row);
            if (broken is null && await CheckPersonalAsync(entry, salts, cancellationToken).ConfigureAwait(false) is { } personal)
            {
                broken = (rows, personal);
            }

            redacted += entry.Redacted ? 1 : 0;

            entries?.Add(AuditRows.FromEntity(row));
            previousHash = row.GetString("Hash") ?? "";
        }

        return (broken is { } b ? AuditVerification.Broken(rows, b.Sequence, b.Reason) : AuditVerification.Ok(rows)) with { Redacted = redacted };
    }

    /// <summary>
    /// The personal fields' own check. An unredacted v2 row's actor and personal details must still match its digest
    /// under the consultee's salt. A redacted row (v2, or a v1 consultee row redacted after this scheme came) is only
    /// accepted when its consultee's salt was erased: marking a row redacted by hand, to hide a change, fails here.
    /// </summary>
    private static async Task<string?> CheckPersonalAsync(AuditEntry entry, SaltBook salts, CancellationToken cancellationToken)
    {
        var subject = entry.Scheme == 2 ? entry.PersonalSubject : entry.Redacted ? entry.Subject : null;
        if (subject is null)
        {
            return entry.Redacted ? $"Row {entry.Sequence} is marked redacted but names no consultee: it was changed after it was written." : null;
        }

        if (entry.Scheme != 2 && entry.Role != AuditRole.Consultee)
        {
            return $"Row {entry.Sequence} is marked redacted but is not a consultee's row: it was changed after it was written.";
        }

        var salt = await salts.FindAsync(subject, cancellationToken).ConfigureAwait(false);

        if (entry.Redacted)
        {
            if (salt is not { Erased: true })
            {
                salt = await salts.FindAsync(subject, cancellationToken, fresh: true).ConfigureAwait(false); // erased while the trail was read
            }

            return salt is { Erased: true } ? null : $"Row {entry.Sequence} is marked redacted but its consultee's personal data was never erased: it was changed after it was written.";
        }

        if (salt?.Key is not { } key)
        {
            return $"Row {entry.Sequence}'s personal fields cannot be checked: its consultee's salt is missing but the row was not redacted.";
        }

        return AuditHasher.PersonalDigest(key, entry.Actor, entry.PersonalDetails) == entry.PersonalDigest
            ? null
            : $"Row {entry.Sequence}'s personal fields do not match their digest: they were changed after they were written.";
    }

    /// <summary>Why row number <paramref name="expected"/> breaks the chain, or null when it holds.</summary>
    private static string? Check(TableEntity row, long expected, string previousHash)
    {
        var entry = AuditRows.FromEntity(row, out var roleText);
        if (row.RowKey != AuditRows.EntryKey(expected) || entry.Sequence != expected)
        {
            return $"Row {row.RowKey} (sequence {entry.Sequence}) is where sequence {expected} should be: a row is missing or was renumbered.";
        }

        if (AuditRoles.Parse(roleText) is null)
        {
            return $"Row {expected} has an unknown role \"{roleText}\": it was changed after it was written.";
        }

        if (entry.PreviousHash != previousHash)
        {
            return $"Row {expected} does not point to the hash of row {expected - 1}: a row before it was replaced or removed.";
        }

        if (entry is { Scheme: 1, Redacted: true })
        {
            // A v1 row hashed its personal fields in the clear: once redacted its content cannot be recomputed, so only
            // its place in the chain (the next row names its stored hash) and its consultee's erasure are checked.
            return null;
        }

        return AuditHasher.Compute(entry) != entry.Hash
            ? $"Row {expected}'s content does not match its hash: it was changed after it was written."
            : null;
    }

    private AsyncPageable<TableEntity> QueryEntriesAsync(string cycleId, CancellationToken cancellationToken) =>
        _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Check(cycleId, nameof(cycleId))} and RowKey ge {AuditRows.EntryPrefix} and RowKey lt {AuditRows.EntryEnd}"),
            cancellationToken: cancellationToken);

    /// <summary>The salts a walk needs: every salt of the cycle read in one query when the first personal row comes, and
    /// a point read for a consultee whose salt was made after that query (a row appended while the trail was read).</summary>
    private sealed class SaltBook(AuditSalts? store, string cycleId)
    {
        private Dictionary<string, AuditSalt?>? _known;

        public async Task<AuditSalt?> FindAsync(string subject, CancellationToken cancellationToken, bool fresh = false)
        {
            if (store is null)
            {
                return null;
            }

            _known ??= await store.ListAsync(cycleId, cancellationToken).ConfigureAwait(false);
            if (fresh || !_known.TryGetValue(subject, out var salt))
            {
                salt = await store.FindAsync(cycleId, subject, cancellationToken).ConfigureAwait(false);
                _known[subject] = salt;
            }

            return salt;
        }
    }
}
