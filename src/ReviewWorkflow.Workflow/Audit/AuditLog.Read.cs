using System.Runtime.CompilerServices;
using ReviewWorkflow.Storage.Tables;

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
    /// row's hash, and each row's content must still hash to its stored hash. Reports the first row that fails.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        long rows = 0;
        var previousHash = AuditHasher.Genesis;
        await foreach (var row in QueryEntriesAsync(cycleId, cancellationToken).ConfigureAwait(false))
        {
            rows++;
            var entry = AuditRows.FromEntity(row, out var roleText);
            if (row.RowKey != AuditRows.EntryKey(rows) || entry.Sequence != rows)
            {
                return AuditVerification.Broken(rows, rows, $"Row {row.RowKey} (sequence {entry.Sequence}) is where sequence {rows} should be: a row is missing or was renumbered.");
            }

            if (AuditRoles.Parse(roleText) is null)
            {
                return AuditVerification.Broken(rows, rows, $"Row {rows} has an unknown role \"{roleText}\": it was changed after it was written.");
            }

            if (entry.PreviousHash != previousHash)
            {
                return AuditVerification.Broken(rows, rows, $"Row {rows} does not point to the hash of row {rows - 1}: a row before it was replaced or removed.");
            }

            if (AuditHasher.Compute(entry) != entry.Hash)
            {
                return AuditVerification.Broken(rows, rows, $"Row {rows}'s content does not match its hash: it was changed after it was written.");
            }

            previousHash = entry.Hash;
        }

        return AuditVerification.Ok(rows);
    }

    private IAsyncEnumerable<TableEntity> QueryEntriesAsync(string cycleId, CancellationToken cancellationToken) =>
        _table.QueryAsync(
            TableFilter.Create($"PartitionKey eq {cycleId} and RowKey ge {AuditRows.EntryPrefix} and RowKey lt {AuditRows.EntryEnd}"),
            cancellationToken: cancellationToken);
}
