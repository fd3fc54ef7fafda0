using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Notifications.Webhook;
using ReviewWorkflow.Workflow.Storage;

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
        catch (RequestFailedException ex) when (StorageFailures.IsConflict(ex))
        {
            return false;
        }
    }

    public async ValueTask ReleaseAsync(string eventKey, CancellationToken cancellationToken = default)
    {
        var (partition, row) = TableEmailSendLedger.Keys(eventKey);
        await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken).ConfigureAwait(false); // the SDK treats 404 as done
    }
}
