using ReviewWorkflow.Web.PersonalData;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Web.Api;
using ReviewWorkflow.Web.Consultees;
using ReviewWorkflow.Web.ForwardPlan;
using ReviewWorkflow.Web.Layout;
using ReviewWorkflow.Web.Outbox;
using ReviewWorkflow.Web.Security;

namespace ReviewWorkflow.Web;

public static class WebApplicationExtensions
{
    /// <summary>
    /// Adds the web middleware (security headers, body limits, problem details for /api and readable pages for
    /// other errors, GOV.UK Frontend files under /assets, authentication, authorization) and maps the pages and
    /// <c>GET /api/outbox</c>. Call once, after <c>AddReviewWorkflowWeb</c> and before any middleware that needs the
    /// selected endpoint or the user: this calls <c>UseRouting</c>, <c>UseAuthentication</c> and <c>UseAuthorization</c>.
    /// </summary>
    public static WebApplication MapReviewWorkflowWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;

        app.UseMiddleware<SecurityHeadersMiddleware>(options.Hsts ?? !app.Environment.IsDevelopment());
        app.UseWhen(c => WebPaths.IsApi(c.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(c => !WebPaths.IsApi(c.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseMiddleware<RequestBodyLimitMiddleware>(options.MaxRequestBodyBytes, options.MaxFormBodyBytes);
        app.UseMiddleware<StorageOutageMiddleware>(); // inside the status code pages: its 503 gets a page or problem details
        UseGovUkFrontend(app, options);

        // Routing after the status code pages, so a re-executed /error/{code} is routed afresh (with the implicit
        // routing at the start of the pipeline, the re-execution would keep the original "no endpoint").
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapOutboxApi();
        app.MapReviewWorkflowApi();
        app.MapPersonalDataApi();
        app.MapConsulteeResponses();
        app.MapResponsesAnalysisApi();
        app.MapForwardPlan(); // the forward plan's JSON and CSV, the calendar feeds (issue 16)
        app.MapAppStyles();
        return app;
    }

    /// <summary>Serves GOV.UK Frontend's dist folder: the CSS at /assets/govuk/..., and its fonts and images at
    /// /assets/fonts and /assets/images, where the precompiled CSS expects them.</summary>
    private static void UseGovUkFrontend(WebApplication app, WebOptions options)
    {
        var folder = GovUkFrontendFolder.Find(options.GovUkFrontendPath, app.Environment.ContentRootPath);
        if (folder is null)
        {
            Log.GovUkFrontendMissing(app.Logger, options.GovUkFrontendPath ?? "node_modules/govuk-frontend/dist/govuk above " + app.Environment.ContentRootPath);
            return;
        }

        static void Cache(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext c)
            => c.Context.Response.Headers.CacheControl = "public, max-age=3600";

        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = WebPaths.GovUkAssets, OnPrepareResponse = Cache });
        var assets = Path.Combine(folder, "assets");
        if (System.IO.Directory.Exists(assets))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(assets), RequestPath = WebPaths.Assets, OnPrepareResponse = Cache });
        }
    }
}

/// <summary>Finds GOV.UK Frontend's <c>dist/govuk</c> folder.</summary>
public static class GovUkFrontendFolder
{
    public const string CssFile = "govuk-frontend.min.css";
    private static readonly string RelativeToRoot = Path.Combine("node_modules", "govuk-frontend", "dist", "govuk");

    /// <summary>The configured folder (relative to the content root), else the nearest node_modules copy at or
    /// above the content root; null when there is none.</summary>
    public static string? Find(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, configured));
            return File.Exists(Path.Combine(path, CssFile)) ? path : null;
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativeToRoot);
            if (File.Exists(Path.Combine(candidate, CssFile)))
            {
                return candidate;
            }
        }

        return null;
    }
}
