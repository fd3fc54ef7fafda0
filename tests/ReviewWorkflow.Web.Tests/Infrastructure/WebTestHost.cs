using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Web.Api;

namespace ReviewWorkflow.Web.Tests.Infrastructure;

/// <summary>The web pieces in a minimal app of their own, on real Kestrel at 127.0.0.1 with a free port, on real Azurite.</summary>
public sealed class WebTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebTestHost(WebApplication app, Uri address, string outboxFolder)
    {
        _app = app;
        Address = address;
        OutboxFolder = outboxFolder;
        Client = NewClient();
    }

    public Uri Address { get; }

    /// <summary>No cookies kept, no redirects followed: each test sees exactly what the server answered.</summary>
    public HttpClient Client { get; }

    public string OutboxFolder { get; }

    public IServiceProvider Services => _app.Services;

    public HttpClient NewClient(CookieContainer? cookies = null) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
    })
    { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<WebTestHost> StartAsync(string environment = "Development", IDictionary<string, string?>? settings = null)
    {
        var outbox = Path.Combine(Path.GetTempPath(), "rw-web-tests", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await Azurite.GetConnectionStringAsync(),
            ["Email:OutboxPath"] = outbox,
            ["Web:ConsulteeLinksTable"] = Azurite.UniqueTableName("links"),
            ["Web:GovUkFrontendPath"] = Path.Combine(Azurite.RepositoryRoot(), "node_modules", "govuk-frontend", "dist", "govuk"),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddReviewWorkflowWeb(builder.Configuration, builder.Environment);
        var app = builder.Build();
        app.MapReviewWorkflowWeb();
        MapProbes(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebTestHost(app, new Uri(address), outbox);
    }

    /// <summary>Endpoints that stand in for the real API in these tests: one per policy, one echoing the user, one
    /// validation problem, one that reads the body.</summary>
    private static void MapProbes(WebApplication app)
    {
        foreach (var policy in new[] { WebRoles.Policies.Lead, WebRoles.Policies.Clerk, WebRoles.Policies.Admin })
        {
            app.MapGet($"/api/probe/{policy.ToLowerInvariant()}", () => TypedResults.Ok(policy)).RequireAuthorization(policy);
        }

        app.MapGet("/api/probe/me", (HttpContext c) => TypedResults.Ok(new
        {
            name = c.User.Identity?.Name,
            authenticated = c.User.Identity?.IsAuthenticated == true,
            roles = c.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(r => r.Value).ToArray(),
        }));
        app.MapGet("/api/probe/invalid", () => ApiProblems.Field("consultation.closes", "Enter a date after today."));
        app.MapPost("/api/probe/echo", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return TypedResults.Ok((await reader.ReadToEndAsync()).Length);
        });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (System.IO.Directory.Exists(OutboxFolder))
        {
            System.IO.Directory.Delete(OutboxFolder, recursive: true);
        }
    }
}
