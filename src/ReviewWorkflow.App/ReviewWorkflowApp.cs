using ReviewWorkflow.App.Configuration;
using ReviewWorkflow.App.Health;
using ReviewWorkflow.Storage.Configuration;

namespace ReviewWorkflow.App;

/// <summary>Builds the one web application: standalone locally, the same code behind the Functions host in Azure.</summary>
public static class ReviewWorkflowApp
{
    /// <summary>Creates the app. <paramref name="configure"/> lets tests override configuration before services are built.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
        builder.Configuration.AddEnvironmentVariables();
        configure?.Invoke(builder);

        builder.Services.AddProblemDetails();
        builder.Services.AddReviewWorkflowStorage(builder.Configuration);
        builder.Services.AddStorageHealth();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealth();
        return app;
    }
}
