using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Json;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>
/// The personal-data table: partition = cycle id, row "erased|{consulteeId}" (label, when, which erasure) for each
/// erased consultee, row "retention" when the cycle's retention pass ran; partition "erasure-requests", row = SHA-256 of
/// an Idempotency-Key, holding that request's first answer. Nothing here names a person (ids and labels only, and the
/// reason an administrator typed).
/// </summary>
public sealed class PersonalDataRegister(TableClient table)
{
    private const string RequestsPartition = "erasure-requests";

    public static string ErasedKey(string consulteeId) => "erased|" + consulteeId;

    public async Task<bool> IsErasedAsync(string cycleId, string consulteeId, CancellationToken cancellationToken = default) =>
        await table.FindAsync(cycleId, ErasedKey(consulteeId), ["RowKey"], cancellationToken).ConfigureAwait(false) is not null;

    public Task MarkErasedAsync(string cycleId, string consulteeId, string label, DateTimeOffset at, string why, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(new TableEntity(cycleId, ErasedKey(consulteeId)) { ["Label"] = label, ["ErasedAt"] = at, ["Why"] = why }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The cycles (and labels, dates) in which this consultee id was erased.</summary>
    public async Task<IReadOnlyList<(string CycleId, string Label, DateTimeOffset ErasedAt)>> ErasuresOfAsync(string consulteeId, CancellationToken cancellationToken = default)
    {
        var found = new List<(string, string, DateTimeOffset)>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {ErasedKey(consulteeId)}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add((row.PartitionKey, row.GetString("Label") ?? "", row.GetDateTimeOffset("ErasedAt") ?? default));
        }

        return found;
    }

    /// <summary>When the cycle's retention pass removed its consultees' personal data, or null.</summary>
    public async Task<DateTimeOffset?> RetentionDoneAsync(string cycleId, CancellationToken cancellationToken = default) =>
        (await table.FindAsync(cycleId, "retention", cancellationToken: cancellationToken).ConfigureAwait(false))?.GetDateTimeOffset("DoneAt");

    public Task MarkRetentionDoneAsync(string cycleId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(new TableEntity(cycleId, "retention") { ["DoneAt"] = at }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The first answer given to an erasure request with this Idempotency-Key, and the email it was for.</summary>
    public async Task<(string EmailHash, ErasureAnswer Answer)?> FindRequestAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var row = await table.FindAsync(RequestsPartition, Hash(idempotencyKey), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row?.GetString("Answer") is { } json && JsonSerializer.Deserialize<ErasureAnswer>(json, WorkflowJson.Options) is { } answer
            ? (row.GetString("EmailHash") ?? "", answer)
            : null;
    }

    /// <summary>Records the answer; a concurrent request with the same key that recorded first wins (its answer is returned).</summary>
    public async Task<ErasureAnswer> RecordRequestAsync(string idempotencyKey, string emailHash, ErasureAnswer answer, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity(RequestsPartition, Hash(idempotencyKey))
            {
                ["EmailHash"] = emailHash,
                ["Answer"] = JsonSerializer.Serialize(answer, WorkflowJson.Options),
            }, cancellationToken).ConfigureAwait(false);
            return answer;
        }
        catch (RequestFailedException ex) when (StorageFailures.IsConflict(ex))
        {
            return (await FindRequestAsync(idempotencyKey, cancellationToken).ConfigureAwait(false))?.Answer ?? answer;
        }
    }

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
