using Microsoft.AspNetCore.Http;

namespace ReviewWorkflow.Web.Security;

/// <summary>Security headers on every response, pages, API, static files and errors alike.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, bool hsts)
{
    /// <summary>No inline script or style anywhere: the pages need no JavaScript and GOV.UK Frontend's CSS is a file.</summary>
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /// <summary>
    /// An <see cref="HttpContext.Items"/> key: a response that carries one known inline style (the committee report as
    /// HTML) puts that style's hash source (<c>'sha256-…'</c>) here, and only that style is allowed besides files.
    /// </summary>
    public const string StyleHashItem = "ReviewWorkflow.Csp.StyleHash";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (ctx, sendHsts) = ((HttpContext, bool))state;
            var headers = ctx.Response.Headers;
            headers.ContentSecurityPolicy = ctx.Items.TryGetValue(StyleHashItem, out var hash) && hash is string source
                                            && source.StartsWith("'sha256-", StringComparison.Ordinal) && source.EndsWith('\'')
                ? ContentSecurityPolicy.Replace("style-src 'self';", $"style-src 'self' {source};", StringComparison.Ordinal)
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";

            // Consultee links carry their token in the URL: never let it leave in a Referer header.
            headers["Referrer-Policy"] = ConsulteePaths.IsConsulteePath(ctx.Request.Path) ? "no-referrer" : "same-origin";
            if (ConsulteePaths.IsConsulteePath(ctx.Request.Path))
            {
                headers.CacheControl = "no-store";
            }

            // Sent whenever configured (outside Development): TLS ends in front of the app in Azure, so the app sees
            // plain HTTP; browsers ignore the header on plain HTTP anyway.
            if (sendHsts)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        }, (context, hsts));
        return next(context);
    }
}

/// <summary>Paths a consultee reaches from an emailed link.</summary>
public static class ConsulteePaths
{
    public static bool IsConsulteePath(PathString path)
        => path.StartsWithSegments("/respond", StringComparison.OrdinalIgnoreCase)
           || path.StartsWithSegments("/api/responses", StringComparison.OrdinalIgnoreCase);
}
