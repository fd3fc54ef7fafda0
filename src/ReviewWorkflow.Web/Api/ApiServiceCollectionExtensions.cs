using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewWorkflow.Web.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The OpenAPI document <c>v1</c> (served at <c>/openapi/v1.json</c> by <c>MapReviewWorkflowApi</c>),
    /// listing the /api routes only: the pages, health and webhooks are not part of the API.</summary>
    public static IServiceCollection AddReviewWorkflowApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Review a strategy: staff API";
                document.Info.Description = "Review cycles (consultation, drafting, committee ratification) for strategy leads and committee clerks. "
                    + "Every state-changing call needs an Idempotency-Key header (1 to 200 characters); errors are RFC 7807 problem details naming the field. "
                    + "Dates are yyyy-MM-dd; enumerations are kebab-case.";
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
