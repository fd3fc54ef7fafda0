using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ReviewWorkflow.Workflow.Storage;

/// <summary>Registers the Azure SDK's <see cref="TableServiceClient"/> once, read the way a Functions app reads
/// <c>AzureWebJobsStorage</c>.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>The top-level key Azure Functions uses for its storage account.</summary>
    public const string FunctionsStorageKey = "AzureWebJobsStorage";

    /// <summary>The name of the clients /health uses (<c>IAzureClientFactory&lt;T&gt;.CreateClient</c>): one attempt
    /// each, so a probe reports an outage instead of waiting through the retries.</summary>
    public const string HealthClientName = "health";

    /// <summary>
    /// Binds <see cref="StorageOptions"/> from "Storage"; when that names no account, falls back to <c>AzureWebJobsStorage</c>
    /// (a connection string) or <c>AzureWebJobsStorage__tableServiceUri</c> / <c>__queueServiceUri</c> / <c>__clientId</c>
    /// (identity-based, as in Functions). Registers the SDK's <see cref="TableServiceClient"/> with
    /// <c>AddAzureClients</c>: a connection string, or the service URI with <see cref="ManagedIdentityCredential"/>
    /// (a client id is set) or <see cref="DefaultAzureCredential"/>. Calling it again adds nothing.
    /// </summary>
    public static IServiceCollection AddReviewWorkflowStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(TableServiceClient)))
        {
            return services;
        }

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(options => ApplyFunctionsFallback(options, configuration));
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(sp => Credential(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
            clients.AddClient<TableServiceClient, TableClientOptions>((clientOptions, credential, sp) =>
                TableService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, clientOptions, credential, health: false));
            clients.AddClient<TableServiceClient, TableClientOptions>((clientOptions, credential, sp) =>
                TableService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, clientOptions, credential, health: true))
                .WithName(HealthClientName);
        });
        return services;
    }

    private static TableServiceClient TableService(StorageOptions storage, TableClientOptions clientOptions, TokenCredential credential, bool health)
    {
        ApplyRetry(clientOptions, storage, health);
        return storage.TableServiceUri is { } uri
            ? new TableServiceClient(uri, credential, clientOptions)
            : new TableServiceClient(storage.EffectiveConnectionString, clientOptions);
    }

    /// <summary>The credential for identity-based access: the user-assigned identity when a client id is set, else
    /// <see cref="DefaultAzureCredential"/> (managed identity in Azure, <c>az login</c> locally).</summary>
    public static TokenCredential Credential(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
    }

    /// <summary>Today's retry semantics on an SDK client: exponential backoff, the configured attempts, delays and
    /// per-attempt timeout (the SDK retries 408/429/500/502/503/504 and transport failures). <paramref name="health"/>:
    /// one attempt of at most 5 s, for /health.</summary>
    public static void ApplyRetry(ClientOptions clientOptions, StorageOptions storage, bool health = false)
    {
        ArgumentNullException.ThrowIfNull(clientOptions);
        ArgumentNullException.ThrowIfNull(storage);
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = health ? 0 : storage.MaxRetries;
        clientOptions.Retry.Delay = storage.RetryDelay;
        clientOptions.Retry.MaxDelay = storage.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = health ? TimeSpan.FromSeconds(5) : storage.RequestTimeout;
    }

    internal static void ApplyFunctionsFallback(StorageOptions options, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString) || options.TableServiceUri is not null || options.QueueServiceUri is not null)
        {
            return;
        }

        var value = configuration[FunctionsStorageKey];
        if (!string.IsNullOrWhiteSpace(value))
        {
            options.ConnectionString = value;
            return;
        }

        var section = configuration.GetSection(FunctionsStorageKey);
        if (Uri.TryCreate(section["tableServiceUri"], UriKind.Absolute, out var table))
        {
            options.TableServiceUri = table;
            options.QueueServiceUri = Uri.TryCreate(section["queueServiceUri"], UriKind.Absolute, out var queue) ? queue : null;
            options.ManagedIdentityClientId ??= section["clientId"];
        }
    }
}
