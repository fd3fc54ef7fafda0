using ReviewWorkflow.App.Configuration;
using ReviewWorkflow.App.Development;
using ReviewWorkflow.App.Health;
using ReviewWorkflow.App.Hosting;
using ReviewWorkflow.App.Telemetry;
using ReviewWorkflow.Directory;
using ReviewWorkflow.Notifications;
using ReviewWorkflow.Workflow.Storage;
using ReviewWorkflow.Web;

namespace ReviewWorkflow.App;

/// <summary>Builds the one web application: standalone locally, the same code behind the Functions host in Azure.</summary>
public static class ReviewWorkflowApp
{
    /// <summary>Creates the app. <paramref name="configure"/> lets tests override configuration (and add durable
    /// registrations, <see cref="DurableTaskRegistration"/>) before services are built; <paramref name="map"/> lets
    /// them add endpoints after the app's own.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
        builder.Configuration.AddEnvironmentVariables();
        configure?.Invoke(builder);
        builder.AddDevelopmentClock(); // Development + Development:ControllableClock only: a file-backed clock and POST /dev/clock

        builder.AddFunctionsHost();
        builder.Services.AddProblemDetails();
        builder.Services.AddReviewWorkflowStorage(builder.Configuration);
        builder.Services.AddReviewCycle(builder.Configuration); // before AddReviewWorkflowDurable: registers the orchestrators
        builder.Services.AddReviewWorkflowDurable(builder.Configuration);
        builder.Services.AddReviewWorkflowEmail(builder.Configuration);
        builder.Services.AddReviewWorkflowDirectory(builder.Configuration);
        builder.Services.AddReviewWorkflowWeb(builder.Configuration, builder.Environment); // pages, API, sign-in and roles
        builder.Services.AddReviewWorkflowTelemetry(builder.Configuration);
        builder.Services.AddStorageHealth();
        builder.Services.AddDemoData(builder.Configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapReviewWorkflowWeb(); // security headers, status code pages, routing, authentication, authorization, pages, /api
        app.MapHealth();
        app.MapReviewCycleWebhooks();
        app.MapFunctionsHost();
        map?.Invoke(app);
        return app;
    }
}
