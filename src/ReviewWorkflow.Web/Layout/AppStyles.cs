using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ReviewWorkflow.Web.Layout;

/// <summary>The service's own small stylesheet (Assets/review-workflow.css, embedded), served at <see cref="Path"/>.</summary>
public static class AppStyles
{
    public const string Path = "/assets/app/review-workflow.css";
    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var stream = typeof(AppStyles).Assembly.GetManifestResourceStream("ReviewWorkflow.Web.Assets.review-workflow.css")
            ?? throw new InvalidOperationException("The embedded review-workflow.css is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    internal static IEndpointRouteBuilder MapAppStyles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Css.Value, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
