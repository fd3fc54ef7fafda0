using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ReviewWorkflow.Web.Security;

/// <summary>
/// Caps request bodies: form posts at <see cref="WebOptions.MaxFormBodyBytes"/>, everything else at
/// <see cref="WebOptions.MaxRequestBodyBytes"/>. A declared Content-Length over the cap is refused with 413 before
/// anything is read; a chunked body is cut off by the server feature when it passes the cap.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, long maxBody, long maxForm)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null && context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The readable page for a refused body, re-executed as the same request: it must not see the body.
            context.Request.Body = Stream.Null;
            context.Request.ContentLength = 0;
            context.Request.ContentType = null;
            return next(context);
        }

        var limit = context.Request.HasFormContentType ? Math.Min(maxForm, maxBody) : maxBody;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask; // the status code pages write a problem (API) or a readable page
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
