using Azure.Core;
using Azure.Core.Pipeline;

namespace ReviewWorkflow.Storage.Pipeline;

/// <summary>
/// Signs each attempt with the account key: SharedKeyLite for tables, SharedKey for queues (Azurite rejects
/// SharedKeyLite there). Runs just before the transport so the signature covers the final headers, and so the
/// logging policy never sees an Authorization header.
/// </summary>
internal sealed class SharedKeyPolicy : HttpPipelineSynchronousPolicy
{
    private readonly StorageService _service;
    private readonly string _account;
    private readonly string _key;

    public SharedKeyPolicy(StorageService service, string account, string key)
    {
        _service = service;
        _account = account;
        _key = key;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var uri = request.Uri.ToUri();
        request.Headers.TryGetValue(StorageHeaders.Date, out var date);
        string scheme, stringToSign;
        if (_service == StorageService.Table)
        {
            scheme = "SharedKeyLite";
            stringToSign = SharedKeySigner.TableSharedKeyLiteStringToSign(_account, date ?? "", uri.AbsolutePath, uri.Query);
        }
        else
        {
            scheme = "SharedKey";
            long? length = null;
            if (request.Content is not null && request.Content.TryComputeLength(out var computed))
            {
                length = computed;
            }

            request.Headers.TryGetValue(StorageHeaders.ContentType, out var contentType);
            request.Headers.TryGetValue(StorageHeaders.IfMatch, out var ifMatch);
            stringToSign = SharedKeySigner.QueueSharedKeyStringToSign(
                request.Method.Method,
                length,
                contentType,
                ifMatch,
                request.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)),
                _account,
                uri.AbsolutePath,
                uri.Query);
        }

        request.Headers.SetValue(StorageHeaders.Authorization, $"{scheme} {_account}:{SharedKeySigner.Sign(_key, stringToSign)}");
    }
}
