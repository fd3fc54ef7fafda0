using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using ReviewWorkflow.App.Hosting;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary>
/// The whole app (<c>Program</c>) in a <see cref="WebApplicationFactory{TEntryPoint}"/> on TestServer, with the settings
/// <c>WebTestHost</c> uses: real Azurite, a task hub, workflow tables and local outbox of its own, Development, and a
/// <see cref="ShiftedClock"/>. TestServer leaves the remote address empty; a test-only startup filter makes requests
/// loopback so the development sign-in (<c>X-Dev-User</c>) works as it does from this machine.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private ApiFactory(Dictionary<string, string?> settings, ShiftedClock clock, string outboxFolder)
    {
        _settings = settings;
        Clock = clock;
        OutboxFolder = outboxFolder;
    }

    public ShiftedClock Clock { get; }

    public string OutboxFolder { get; }

    public ReviewCycleService Cycles => Services.GetRequiredService<ReviewCycleService>();

    public AuditLog Audit => Services.GetRequiredService<AuditLog>();

    public static async Task<ApiFactory> StartAsync(DateTimeOffset start)
    {
        var outbox = Path.Combine(Path.GetTempPath(), "rw-api-tests", Guid.NewGuid().ToString("N"));
        var settings = await IsolatedAppSettings.AppAsync("api", outbox);
        var factory = new ApiFactory(settings, new ShiftedClock(start), outbox);
        try
        {
            // Starts the app: the task hub is created (if missing) and the worker started before this returns.
            _ = factory.Services;
            await Task.CompletedTask;
            return factory;
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client (no redirects, no cookies) signed in as <paramref name="email"/>, or anonymous when null.</summary>
    public HttpClient ClientAs(string? email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (email is not null)
        {
            client.DefaultRequestHeaders.Add("X-Dev-User", email);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<IStartupFilter, LoopbackRemoteAddress>();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (ObjectDisposedException ex)
        {
            // Seen once on a loaded machine while TestServer and the host were being torn down, after every test of the
            // collection had passed. Teardown is not under test here; keep the evidence in the output, not a red run.
            await Console.Error.WriteLineAsync($"ApiFactory: stopping the app threw at test teardown (ignored): {ex}");
        }

        if (System.IO.Directory.Exists(OutboxFolder))
        {
            System.IO.Directory.Delete(OutboxFolder, recursive: true);
        }
    }

    /// <summary>TestServer requests have no remote address; these tests stand for a script on this machine.</summary>
    private sealed class LoopbackRemoteAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
