using Azure.Core;

namespace ReviewWorkflow.Storage.Pipeline;

/// <summary>Azure.Core client options for the storage clients (retries, diagnostics).</summary>
internal sealed class StorageClientOptions : ClientOptions
{
}
