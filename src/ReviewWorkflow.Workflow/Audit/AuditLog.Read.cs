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
        (long Sequence, string Reason)? broken = null;
        var previousHash = AuditHasher.Genesis;
        await foreach (var row in QueryEntriesAsync(cycleId, cancellationToken).ConfigureAwait(false))
        {
            rows++;
            if (broken is null && Check(row, rows, previousHash) is { } reason)
            {
                broken = (rows, reason);
            }

            entries?.Add(AuditRows.FromEntity(row));
            previousHash = row.GetString("Hash") ?? "";
        }

        return broken is { } b ? AuditVerification.Broken(rows, b.Sequence, b.Reason) : AuditVerification.Ok(rows);
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

        return AuditHasher.Compute(entry) != entry.Hash
            ? $"Row {expected}'s content does not match its hash: it was changed after it was written."
            : null;
    }

    private AsyncPageable<TableEntity> QueryEntriesAsync(string cycleId, CancellationToken cancellationToken) =>
        _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Check(cycleId, nameof(cycleId))} and RowKey ge {AuditRows.EntryPrefix} and RowKey lt {AuditRows.EntryEnd}"),
            cancellationToken: cancellationToken);
}
