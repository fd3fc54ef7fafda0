using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.App.Health;

/// <summary>GET /health: whether Table and Queue storage answer. 200 when both do, 503 otherwise.</summary>
public static class HealthApi
{
    /// <summary>The probe and the Queue service client it pings (the SDK's, registered with <c>AddAzureClients</c> under
    /// <see cref="StorageServiceCollectionExtensions.HealthClientName"/>: one attempt; the queue service URI with the
    /// storage credential, or the connection string). Needs AddReviewWorkflowStorage (the options and table clients).</summary>
    public static IServiceCollection AddStorageHealth(this IServiceCollection services)
    {
        services.AddAzureClients(clients => clients.AddClient<QueueServiceClient, QueueClientOptions>((clientOptions, credential, sp) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            StorageServiceCollectionExtensions.ApplyRetry(clientOptions, storage, health: true);
            return storage.QueueServiceUri is { } uri
                ? new QueueServiceClient(uri, credential, clientOptions)
                : new QueueServiceClient(storage.EffectiveConnectionString, clientOptions);
        }).WithName(StorageServiceCollectionExtensions.HealthClientName));
        return services.AddSingleton<StorageHealthProbe>();
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", GetHealthAsync)
            .WithName("GetHealth")
            .WithSummary("Reports whether Table and Queue storage are reachable.");
        return endpoints;
    }

    internal static async Task<JsonHttpResult<HealthReport>> GetHealthAsync(StorageHealthProbe probe, CancellationToken cancellationToken)
    {
        var report = await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(report, statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
