using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.Audit;

/// <summary>
/// The secret salts that commit a consultee's personal fields in the audit trail (scheme v2, see the Audit README), kept
/// apart from the trail in their own table (partition = cycle id, row = consultee id) so they can be destroyed. Erasing
/// one replaces it with a tombstone naming the label the consultee now goes by: rows appended after that are written
/// already redacted, so a save racing an erasure cannot put a name back into the trail.
/// </summary>
public sealed class AuditSalts(TableClient table)
{
    /// <summary>The table the host creates for the salts.</summary>
    public const string DefaultTableName = "ReviewAuditSalts";

    public TableClient Table => table;

    /// <summary>The consultee's salt (created on first use), or the erased state when the consultee was erased.</summary>
    public async Task<AuditSalt> GetOrCreateAsync(string cycleId, string subject, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await FindAsync(cycleId, subject, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found;
            }

            var key = RandomNumberGenerator.GetBytes(32);
            try
            {
                await table.AddEntityAsync(new TableEntity(cycleId, subject) { ["Salt"] = key }, cancellationToken).ConfigureAwait(false);
                return new AuditSalt(key, null);
            }
            catch (RequestFailedException ex) when (StorageFailures.IsConflict(ex))
            {
                // Another writer created it first: read theirs.
            }
        }

        throw new InvalidOperationException($"Could not read or create the audit salt of '{subject}' in cycle '{cycleId}'.");
    }

    /// <summary>The salt, the erased state, or null when none was ever made.</summary>
    public async Task<AuditSalt?> FindAsync(string cycleId, string subject, CancellationToken cancellationToken = default)
    {
        var row = await table.FindAsync(cycleId, subject, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : new AuditSalt(row.GetBinary("Salt"), row.GetString("ErasedAs"));
    }

    /// <summary>Every salt and tombstone of a cycle, in one query (a trail names many consultees).</summary>
    public async Task<Dictionary<string, AuditSalt?>> ListAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var salts = new Dictionary<string, AuditSalt?>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {cycleId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            salts[row.RowKey] = new AuditSalt(row.GetBinary("Salt"), row.GetString("ErasedAs"));
        }

        return salts;
    }

    /// <summary>Destroys the salt: the row becomes a tombstone carrying only the label. Idempotent.</summary>
    public Task EraseAsync(string cycleId, string subject, string label, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(new TableEntity(cycleId, subject) { ["ErasedAs"] = label }, TableUpdateMode.Replace, cancellationToken);
}

/// <summary>A consultee's salt; <see cref="Key"/> is null once erased, and <see cref="ErasedAs"/> names the label.</summary>
public sealed record AuditSalt(byte[]? Key, string? ErasedAs)
{
    public bool Erased => Key is null;
}
