using Azure.Core;

namespace ReviewWorkflow.Storage.Configuration;

internal static class StorageConnectionParser
{
    public static StorageConnection Parse(string connectionString) => throw new NotImplementedException();

    public static StorageConnection FromServiceUris(Uri tableEndpoint, Uri queueEndpoint, TokenCredential credential) => throw new NotImplementedException();
}
