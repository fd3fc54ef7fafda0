using ReviewWorkflow.Notifications.Webhook;
using ReviewWorkflow.Storage;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Workflow.Email;

/// <summary>Claims webhook events by inserting a row per event key (insert-if-absent), so SendGrid's retries are
/// handled once across restarts and instances. Rows are small; purge them after a few days with a table lifecycle job.</summary>
public sealed class TableWebhookEventDeduplicator(TableClient table, TimeProvider time) : IWebhookEventDeduplicator
{
    public async ValueTask<bool> TryClaimAsync(string eventKey, CancellationToken cancellationToken = default)
    {
        var (partition, row) = TableEmailSendLedger.Keys(eventKey);
        try
        {
            await table.AddEntityAsync(new TableEntity(partition, row) { ["ClaimedAt"] = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageRequestException ex) when (ex.IsConflict)
        {
            return false;
        }
    }

    public async ValueTask ReleaseAsync(string eventKey, CancellationToken cancellationToken = default)
    {
        var (partition, row) = TableEmailSendLedger.Keys(eventKey);
        await table.DeleteEntityAsync(partition, row, ignoreNotFound: true, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
