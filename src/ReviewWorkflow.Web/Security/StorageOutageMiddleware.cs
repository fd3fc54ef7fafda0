using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ReviewWorkflow.Storage;

namespace ReviewWorkflow.Web.Security;

/// <summary>
/// When storage cannot answer — unreachable, overloaded after the client's own retries, or its tables not created yet
/// (the first seconds after a cold start) — the request gets 503 with <c>Retry-After</c> instead of a 500: problem
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
        catch (StorageRequestException ex) when (IsOutage(ex) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            Log.StorageUnavailable(logger, context.Request.Path.Value ?? "", ex.Status, ex.ErrorCode ?? "", ex);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Storage did not answer, answered busy/failing, or a table or queue does not exist yet.</summary>
    public static bool IsOutage(StorageRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status is 0 or 408 or 429 or >= 500
               || (exception.Status == 404 && exception.ErrorCode is "TableNotFound" or "QueueNotFound");
    }
}
