using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.Audit;

public sealed partial class AuditLog
{
    /// <summary>
    /// Removes one consultee's personal data from a cycle's trail, keeping the chain verifiable: destroys their salt
    /// (a tombstone naming <paramref name="label"/>), then rewrites each of their rows' actor to the label and drops the
    /// personal details (v2), or the name a v1 row held in its details. Rows are only changed in those fields, each
    /// guarded by its ETag; nothing is deleted or renumbered. Idempotent; returns how many rows it changed.
    /// </summary>
    public async Task<int> RedactAsync(string cycleId, string consulteeId, string label, CancellationToken cancellationToken = default)
    {
        TableKeys.CheckBoth(cycleId, consulteeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var salts = _salts ?? throw new InvalidOperationException("This audit log has no salt table: it cannot redact.");
        await salts.EraseAsync(cycleId, consulteeId, label, cancellationToken).ConfigureAwait(false);

        var changed = 0;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {cycleId} and RowKey ge {AuditRows.EntryPrefix} and RowKey lt {AuditRows.EntryEnd} and (PersonalSubject eq {consulteeId} or (Subject eq {consulteeId} and Role eq {AuditRoles.ToText(AuditRole.Consultee)}))");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetBoolean("Redacted") == true)
            {
                continue;
            }

            // Replace, not merge: a merge cannot remove a property.
            if (row.GetString("Role") == AuditRoles.ToText(AuditRole.Consultee))
            {
                row["Actor"] = label; // a system row (a bounce) keeps "system" as its actor
            }

            row["Redacted"] = true;
            if ((row.GetInt32("Scheme") ?? 1) == 2)
            {
                row.Remove("PersonalDetails");
            }
            else if (WithoutNames(row.GetString("Details")) is { } details)
            {
                row["Details"] = details;
            }

            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                changed++;
            }
            catch (RequestFailedException ex) when (StorageFailures.IsPreconditionFailed(ex))
            {
                // Audit rows are never updated otherwise: another redaction of the same row got there first.
            }
        }

        return changed;
    }

    /// <summary>A v1 consultee row's details without the name typed on a shared link.</summary>
    private static string? WithoutNames(string? details)
    {
        if (details is null || JsonNode.Parse(details) is not JsonObject json)
        {
            return details;
        }

        json.Remove("savedBy");
        return json.ToJsonString();
    }
}
