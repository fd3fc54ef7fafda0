using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ReviewWorkflow.Storage.Pipeline;

/// <summary>Stamps x-ms-version and a fresh x-ms-date on every attempt (a retried request must be re-dated and re-signed).</summary>
internal sealed class StorageHeadersPolicy : HttpPipelineSynchronousPolicy
{
    private readonly string _version;
    private readonly TimeProvider _clock;

    public StorageHeadersPolicy(string version, TimeProvider? clock = null)
    {
        _version = version;
        _clock = clock ?? TimeProvider.System;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue(StorageHeaders.Version, _version);
        message.Request.Headers.SetValue(StorageHeaders.Date, _clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
    }
}
