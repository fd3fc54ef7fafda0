using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.Email;

/// <summary>
/// The record of sent idempotency keys in Table Storage (partition = first two hex digits of the key's SHA-256, row =
/// the whole hash), so "sent once" survives restarts and is shared by every instance of the app.
/// </summary>
public sealed class TableEmailSendLedger(TableClient table) : IEmailSendLedger
{
    public async Task<EmailSendResult?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var (partition, row) = Keys(idempotencyKey);
        var entity = await table.FindAsync(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null
            ? null
            : new EmailSendResult(entity.GetString("ProviderMessageId"), entity.GetString("Provider") ?? "", entity.GetDateTimeOffset("AcceptedAt") ?? default);
    }

    public async Task RecordAsync(string idempotencyKey, EmailSendResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (partition, row) = Keys(idempotencyKey);
        var entity = new TableEntity(partition, row)
        {
            ["Key"] = idempotencyKey.Length <= 1000 ? idempotencyKey : idempotencyKey[..1000],
            ["ProviderMessageId"] = result.ProviderMessageId,
            ["Provider"] = result.Provider,
            ["AcceptedAt"] = result.AcceptedAt,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (StorageFailures.IsConflict(ex))
        {
            // Recorded before (a retried record after a lost answer): the first record stands.
        }
    }

    internal static (string Partition, string Row) Keys(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
        return (hash[..2], hash);
    }
}
