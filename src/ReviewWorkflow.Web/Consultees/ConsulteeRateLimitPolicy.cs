using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ReviewWorkflow.Web.Consultees;

/// <summary>
/// ASP.NET Core's rate limiting policy for the consultee endpoints: a window per link. Refused API calls get problem
/// details with Retry-After; refused page requests get 429 and Retry-After, and the status code pages show the readable
/// page (Pages/Respond/TooManyRequests: <c>/error/429</c>).
/// </summary>
internal sealed class ConsulteeRateLimitPolicy(ConsulteeRateLimiter limiter, IOptions<ConsulteeRateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => limiter.Partition(httpContext);

    private async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = ConsulteeRateLimiter.RetryAfter(rejected.Lease, options.Value.WindowSeconds);
        var result = ConsulteeResponsesApi.TooManyRequests(context, wait);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (WebPaths.IsApi(context.Request.Path))
        {
            await result.ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}
