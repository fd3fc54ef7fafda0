using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using ReviewWorkflow.Storage.Configuration;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>
/// The themes table's SDK client, from the storage settings the rest of the app uses (<see cref="StorageOptions"/>:
/// the "Storage" section or <c>AzureWebJobsStorage</c>): a connection string, or the table service URI with the
/// user-assigned managed identity (client id set) or <see cref="DefaultAzureCredential"/>; the same retry settings.
/// </summary>
/// <remarks>Once the app registers the SDK's <see cref="TableServiceClient"/> itself, the theme store takes its table
/// from that instead.</remarks>
public static class ThemeTableFactory
{
    public static TableClient Create(StorageOptions storage, string tableName)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = storage.MaxRetries;
        options.Retry.Delay = storage.RetryDelay;
        options.Retry.MaxDelay = storage.MaxRetryDelay;
        options.Retry.NetworkTimeout = storage.RequestTimeout;
        var service = storage.TableServiceUri is { } uri
            ? new TableServiceClient(uri, Credential(storage), options)
            : new TableServiceClient(string.IsNullOrWhiteSpace(storage.ConnectionString) ? "UseDevelopmentStorage=true" : storage.ConnectionString, options);
        return service.GetTableClient(tableName);
    }

    private static TokenCredential Credential(StorageOptions storage) =>
        string.IsNullOrWhiteSpace(storage.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(storage.ManagedIdentityClientId));
}
