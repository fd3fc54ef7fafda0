using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Durable.AzureStorage;

/// <summary>Registers <see cref="AzureStorageDurableStore"/> as the <see cref="IDurableStore"/>.</summary>
public static class DurableAzureStorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AzureStorageDurableOptions"/> from <c>Durable:AzureStorage</c> and uses the storage account of
    /// <see cref="StorageOptions"/> (section <c>Storage</c>, else the Functions-style <c>AzureWebJobsStorage</c> value:
    /// a connection string, or <c>AzureWebJobsStorage__tableServiceUri</c>/<c>__queueServiceUri</c> with managed identity).
    /// Table/Queue service clients already registered are reused.
    /// </summary>
    public static IServiceCollection AddDurableAzureStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AzureStorageDurableOptions>().Bind(configuration.GetSection(AzureStorageDurableOptions.SectionName));
        services.AddOptions<StorageOptions>().Configure(o =>
        {
            configuration.GetSection(StorageOptions.SectionName).Bind(o);
            var webJobs = configuration.GetSection("AzureWebJobsStorage");
            o.ConnectionString ??= webJobs.Value;
            o.TableServiceUri ??= webJobs["tableServiceUri"] is { Length: > 0 } t ? new Uri(t) : null;
            o.QueueServiceUri ??= webJobs["queueServiceUri"] is { Length: > 0 } q ? new Uri(q) : null;
            o.ManagedIdentityClientId ??= webJobs["clientId"];
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => ConnectionFrom(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(sp => new TableServiceClient(sp.GetRequiredService<StorageConnection>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(sp => new QueueServiceClient(sp.GetRequiredService<StorageConnection>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(sp => new AzureStorageDurableStore(
            sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<QueueServiceClient>(),
            sp.GetRequiredService<IOptions<AzureStorageDurableOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<AzureStorageDurableStore>>()));
        services.Replace(ServiceDescriptor.Singleton<IDurableStore>(sp => sp.GetRequiredService<AzureStorageDurableStore>()));
        return services;
    }

    private static StorageConnection ConnectionFrom(StorageOptions options)
    {
        if (options.TableServiceUri is { } tables && options.QueueServiceUri is { } queues)
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
            return StorageConnection.FromServiceUris(tables, queues, credential);
        }

        return StorageConnection.Parse(string.IsNullOrWhiteSpace(options.ConnectionString) ? "UseDevelopmentStorage=true" : options.ConnectionString);
    }
}
