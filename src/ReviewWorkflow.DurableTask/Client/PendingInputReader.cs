using System.IO.Compression;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace ReviewWorkflow.DurableTask.Client;

/// <summary>
/// Reads the input of an instance that is still pending when the input was too large for a table property.
/// DTFx's Azure Storage provider then writes the Instances row with an empty <c>Input</c> and an <c>InputBlobName</c>
/// column naming a gzip blob in <c>{hub}-largemessages</c>; its state query only follows blob URLs (written once the
/// worker has started the instance), so until then the input reads back empty. This follows the blob name.
/// </summary>
internal sealed class PendingInputReader(TableClient instances, BlobContainerClient largeMessages)
{
    public async Task<string?> ReadAsync(string instanceId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row;
        try
        {
            row = await instances.GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty, ["InputBlobName"], cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        if (!row.HasValue || row.Value!.GetString("InputBlobName") is not { Length: > 0 } blobName)
        {
            return null;
        }

        var download = await largeMessages.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var compressed = download.Value.Content;
        await using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}
