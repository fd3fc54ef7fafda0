using System.Globalization;
using Azure.Core;
using ReviewWorkflow.Storage.Pipeline;
using ReviewWorkflow.Storage.Tables.Internal;

namespace ReviewWorkflow.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>Entity group transaction: 1..100 operations, one partition, atomic. A null
    /// <see cref="TableTransactionAction.ETag"/> on an update or delete means "*" (unconditional).
    /// Throws <see cref="TableTransactionFailedException"/> naming the failing operation; nothing is written then.</summary>
    public async Task<IReadOnlyList<TableTransactionResult>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        TransactionBatch.Validate(actions);
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("D");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("D");
        var body = TransactionBatch.Build(_endpoint, Name, actions, batchBoundary, changesetBoundary);

        using var message = CreateMessage(RequestMethod.Post, "/$batch");
        message.Request.Headers.SetValue(StorageHeaders.ContentType, "multipart/mixed; boundary=" + batchBoundary);
        message.Request.Content = RequestContent.Create(body);
        var operation = $"Transaction on table '{Name}'";
        var response = await SendCheckedAsync(message, operation, cancellationToken).ConfigureAwait(false);

        var parts = TransactionBatch.Parse(response.Content.ToString());
        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null)
        {
            var (code, serviceMessage) = StorageErrors.Parse(null, failed.Body);
            var index = TransactionBatch.FailedIndex(failed, serviceMessage, actions.Count);
            if (index < 0 && parts.Count == actions.Count)
            {
                index = parts.IndexOf(failed);
            }

            var what = index >= 0
                ? string.Create(CultureInfo.InvariantCulture, $"operation {index} ({actions[index].ActionType})")
                : "an unidentified operation";
            var detail = StorageErrors.Create(failed.Status, code, serviceMessage, $"{operation}: {what}");
            throw new TableTransactionFailedException(failed.Status, code, index, detail.Message + " Nothing was written.");
        }

        if (parts.Count != actions.Count)
        {
            throw new StorageRequestException(response.Status, null, string.Create(CultureInfo.InvariantCulture, $"{operation}: expected {actions.Count} responses, got {parts.Count}."));
        }

        return parts.Select(p => new TableTransactionResult(p.Status, p.Headers.TryGetValue("ETag", out var etag) ? etag : null)).ToList();
    }
}
