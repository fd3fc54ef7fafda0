using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Storage.Configuration;

/// <summary>Registers the storage clients the way a Functions app reads <c>AzureWebJobsStorage</c>.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>The top-level key Azure Functions uses for its storage account.</summary>
    public const string FunctionsStorageKey = "AzureWebJobsStorage";

    /// <summary>
    /// Binds <see cref="StorageOptions"/> from the "Storage" section; when that names no connection, falls back to
    /// <c>AzureWebJobsStorage</c> (a connection string) or <c>AzureWebJobsStorage__tableServiceUri</c> /
    /// <c>__queueServiceUri</c> / <c>__clientId</c> (identity-based, as in Functions). Registers singleton
    /// <see cref="TableServiceClient"/> and <see cref="QueueServiceClient"/>.
    /// </summary>
    public static IServiceCollection AddReviewWorkflowStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(options => ApplyFunctionsFallback(options, configuration));
        services.AddSingleton(sp => StorageConnection.FromOptions(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => new TableServiceClient(
            sp.GetRequiredService<StorageConnection>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => new QueueServiceClient(
            sp.GetRequiredService<StorageConnection>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        return services;
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
        if (Uri.TryCreate(section["tableServiceUri"], UriKind.Absolute, out var table)
            && Uri.TryCreate(section["queueServiceUri"], UriKind.Absolute, out var queue))
        {
            options.TableServiceUri = table;
            options.QueueServiceUri = queue;
            options.ManagedIdentityClientId ??= section["clientId"];
        }
    }
}
