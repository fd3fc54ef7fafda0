using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Consultees;

public static class ConsulteeServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the consultee's page and API share (<see cref="ConsulteeResponseService"/>), the consultee rate
    /// limits (section <c>Web:ConsulteeRateLimit</c>, policy <see cref="ConsulteeRateLimiter.Policy"/>) and a readable
    /// 413 for <c>/api/responses</c>. The workflow registers the link issuer, the cycles and the response store.
    /// </summary>
    public static IServiceCollection AddConsulteeResponses(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConsulteeRateLimitOptions>().Bind(configuration.GetSection(ConsulteeRateLimitOptions.SectionName))
            .Validate(o => o.IsValid, "Web:ConsulteeRateLimit: PermitLimit, WindowSeconds, InvalidTokenPermitLimit and InvalidTokenWindowSeconds must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<ConsulteeRateLimiter>();
        services.TryAddSingleton<ConsulteeResponseService>();
        services.TryAddSingleton<IdempotentSaves>();
        services.AddRateLimiter(o => o.AddPolicy<string, ConsulteeRateLimitPolicy>(ConsulteeRateLimiter.Policy));
        services.AddProblemDetails(o =>
        {
            var earlier = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = c =>
            {
                earlier?.Invoke(c);
                if (c.ProblemDetails.Detail is not null || !c.HttpContext.Request.Path.StartsWithSegments("/api/responses", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                // Refused before the endpoint ran (body limit; routing's content-type check): say what to do.
                (c.ProblemDetails.Title, c.ProblemDetails.Detail) = c.ProblemDetails.Status switch
                {
                    StatusCodes.Status413PayloadTooLarge => ("The request is too large.", ResponseLimits.TooLargeMessage),
                    StatusCodes.Status415UnsupportedMediaType => (ConsulteeResponsesApi.NotJsonTitle, ConsulteeResponsesApi.NotJson),
                    _ => (c.ProblemDetails.Title, c.ProblemDetails.Detail),
                };
            };
        });
        return services;
    }
}
