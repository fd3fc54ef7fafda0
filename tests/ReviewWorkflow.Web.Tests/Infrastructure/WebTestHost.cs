using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewWorkflow.App;
using ReviewWorkflow.App.Hosting;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Web.Api;

namespace ReviewWorkflow.Web.Tests.Infrastructure;

/// <summary>
/// The whole app (<see cref="ReviewWorkflowApp.Create"/>: pages, API, the embedded Durable Task worker,
/// workflow) on real Kestrel at 127.0.0.1 with a free port, on real Azurite, with a task hub, workflow tables and local
/// outbox of its own and a <see cref="ShiftedClock"/> (starts at <c>start</c>, default now, and runs at real speed).
/// </summary>
public sealed class WebTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebTestHost(WebApplication app, Uri address, string outboxFolder, ShiftedClock clock, string hub)
    {
        _app = app;
        Address = address;
        OutboxFolder = outboxFolder;
        Clock = clock;
        Hub = hub;
        Client = NewClient();
    }

    public Uri Address { get; }

    /// <summary>No cookies kept, no redirects followed: each test sees exactly what the server answered.</summary>
    public HttpClient Client { get; }

    public string OutboxFolder { get; }

    public ShiftedClock Clock { get; }

    public string Hub { get; }

    public IServiceProvider Services => _app.Services;

    public ReviewCycleService Cycles => Services.GetRequiredService<ReviewCycleService>();

    public HttpClient NewClient(CookieContainer? cookies = null) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
    })
    { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client that signs every request in as <paramref name="email"/> with the development sign-in header.</summary>
    public HttpClient ClientAs(string email)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Add("X-Dev-User", email);
        return client;
    }

    /// <param name="services">Replacements applied after the app's own registrations (for example a failing <c>IDirectory</c>).</param>
    public static async Task<WebTestHost> StartAsync(string environment = "Development", IDictionary<string, string?>? settings = null, DateTimeOffset? start = null, Action<IServiceCollection>? services = null)
    {
        var outbox = Path.Combine(Path.GetTempPath(), "rw-web-tests", Guid.NewGuid().ToString("N"));
        var clock = new ShiftedClock(start ?? DateTimeOffset.UtcNow);
        var all = await IsolatedAppSettings.AppAsync("web", outbox);
        all["Web:GovUkFrontendPath"] = Path.Combine(Azurite.RepositoryRoot(), "node_modules", "govuk-frontend", "dist", "govuk");
        var hub = all["Durable:HubName"]!;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = ReviewWorkflowApp.Create(["--urls", "http://127.0.0.1:0", "--environment", environment], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(all);
            builder.Services.AddSingleton<TimeProvider>(clock);
            if (services is not null)
            {
                // Container configuration runs when the app is built, after ReviewWorkflowApp's registrations: last wins.
                builder.Host.ConfigureContainer<IServiceCollection>((_, registered) => services(registered));
            }
        }, MapProbes);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebTestHost(app, new Uri(address), outbox, clock, hub);
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
        // Storage failing in the way given (status 0 = unreachable), for the API and for a page path.
        foreach (var prefix in new[] { "/api/probe", "/probe" })
        {
            app.MapGet(prefix + "/storage/{status:int}/{code}", (int status, string code) =>
            {
                throw new Azure.RequestFailedException(status, "Probe: storage failed.", code == "none" ? null : code, null);
            });

            // The SDK itself failing to reach a storage endpoint where nothing listens, after its retries.
            app.MapGet(prefix + "/storage/unreachable", async () =>
            {
                var options = new Azure.Data.Tables.TableClientOptions();
                options.Retry.MaxRetries = 1;
                options.Retry.Delay = TimeSpan.FromMilliseconds(10);
                var dead = new Azure.Data.Tables.TableClient(Azurite.ConnectionStringFor(Azurite.FreePort(), Azurite.FreePort(), Azurite.FreePort()), "Probe", options);
                await dead.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r");
                return TypedResults.Ok();
            });
        }

        // A page carrying the committee report's one inline style (as the report download does).
        app.MapGet("/probe/report-style", (HttpContext c) =>
        {
            c.Items["ReviewWorkflow.Csp.StyleHash"] = ReviewWorkflow.Workflow.Reporting.CommitteeReportHtml.StyleHashSource;
            return TypedResults.Text("<p>report</p>", "text/html");
        });

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
