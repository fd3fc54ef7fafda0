using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ReviewWorkflow.Storage.Pipeline;

/// <summary>Sends a message through the pipeline, turning transport failures into <see cref="StorageRequestException"/>.</summary>
internal static class StorageSender
{
    public static async Task<Response> SendAsync(HttpPipeline pipeline, HttpMessage message, string operation, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return message.Response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException or IOException or OperationCanceledException)
        {
            throw StorageErrors.Unreachable(operation, ex);
        }
    }

    /// <summary>Sends and throws <see cref="StorageRequestException"/> unless the status is one of <paramref name="accepted"/> (default: any 2xx).</summary>
    public static async Task<Response> SendCheckedAsync(HttpPipeline pipeline, HttpMessage message, string operation, CancellationToken cancellationToken, params int[] accepted)
    {
        var response = await SendAsync(pipeline, message, operation, cancellationToken).ConfigureAwait(false);
        var ok = accepted.Length == 0 ? response.Status is >= 200 and < 300 : accepted.Contains(response.Status);
        return ok ? response : throw StorageErrors.FromResponse(response, operation);
    }

    /// <summary>True when the service answers a cheap request with success; false when it cannot be reached.</summary>
    public static async Task<bool> PingAsync(HttpPipeline pipeline, HttpMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var response = await SendAsync(pipeline, message, "Ping", cancellationToken).ConfigureAwait(false);
            return response.Status is >= 200 and < 300;
        }
        catch (StorageRequestException)
        {
            return false;
        }
    }
}
