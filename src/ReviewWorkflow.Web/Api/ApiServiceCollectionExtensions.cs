using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The OpenAPI document <c>v1</c> (served at <c>/openapi/v1.json</c> by <c>MapReviewWorkflowApi</c>),
    /// listing the /api routes only: the pages, health and webhooks are not part of the API.</summary>
    public static IServiceCollection AddReviewWorkflowApi(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails += NameTheCause);
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
            options.AddOperationTransformer((operation, _, _) =>
            {
                foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                {
                    if (parameter.Name == ApiBody.IdempotencyKeyHeader)
                    {
                        parameter.Required = true;
                        parameter.Description = $"1 to {IdempotencyKeys.MaxLength} characters, new for each action (a GUID); a retry with the same key is applied once and answers 200.";
                    }
                }

                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Review a strategy: staff API";
                document.Info.Description = "Review cycles (consultation, drafting, committee ratification) for strategy leads and committee clerks. "
                    + $"Every state-changing call needs an Idempotency-Key header (1 to {IdempotencyKeys.MaxLength} characters); errors are RFC 7807 problem details naming the field. "
                    + "Dates are yyyy-MM-dd; enumerations are kebab-case.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Problems the framework writes for /api (415 from content-type matching, 401 and 403 from authorization)
    /// say what to fix too; the API's own problems already carry their <c>errors</c>.</summary>
    private static void NameTheCause(ProblemDetailsContext context)
    {
        if (!WebPaths.IsApi(context.HttpContext.Request.Path) || context.ProblemDetails.Extensions.ContainsKey("errors")
            || context.ProblemDetails is HttpValidationProblemDetails)
        {
            return;
        }

        var (field, message) = context.ProblemDetails.Status switch
        {
            StatusCodes.Status415UnsupportedMediaType => ("Content-Type",
                $"Send the body with 'Content-Type: application/json' (it was '{context.HttpContext.Request.ContentType ?? "not set"}')."),
            StatusCodes.Status401Unauthorized => ("sign-in", "Sign in as a member of staff (a lead, a clerk or an administrator)."),
            StatusCodes.Status403Forbidden => ("role", "Your role does not allow this: starting cycles, extending, closing and drafts need a lead; decisions need a clerk."),
            _ => (null, null),
        };
        if (field is not null)
        {
            context.ProblemDetails.Detail ??= message;
            context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message!] };
        }
    }
}
