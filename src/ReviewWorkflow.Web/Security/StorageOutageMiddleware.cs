using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Web.Security;

/// <summary>
/// When storage cannot answer — unreachable, overloaded after the Azure SDK's own retries, or its tables not created yet
/// (the first seconds after a cold start; <see cref="StorageFailures.IsOutage"/>) — the request gets 503 with <c>Retry-After</c> instead of a 500: problem
/// details on /api, a readable page elsewhere (both from the status code pages). Nothing was stored by such a request,
/// so retrying it is safe; every state-changing call is idempotent.
/// </summary>
internal sealed class StorageOutageMiddleware(RequestDelegate next, ILogger<StorageOutageMiddleware> logger)
{
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFailures.IsOutage(ex) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, code) = StorageFailures.Describe(ex);
            Log.StorageUnavailable(logger, context.Request.Path.Value ?? "", status, code ?? "", ex);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
