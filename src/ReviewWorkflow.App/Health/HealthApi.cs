using Microsoft.AspNetCore.Http.HttpResults;

namespace ReviewWorkflow.App.Health;

/// <summary>GET /health: whether Table and Queue storage answer. 200 when both do, 503 otherwise.</summary>
public static class HealthApi
{
    public static IServiceCollection AddStorageHealth(this IServiceCollection services)
        => services.AddSingleton<StorageHealthProbe>();

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
