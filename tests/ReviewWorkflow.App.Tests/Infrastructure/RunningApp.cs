using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ReviewWorkflow.App.Hosting;

namespace ReviewWorkflow.App.Tests.Infrastructure;

/// <summary>The real app on real Kestrel on a free loopback port, with test configuration layered on top.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningApp(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration on top of the app's own.</param>
    /// <param name="configure">More services (a clock, orchestrations).</param>
    /// <remarks>The task hub is created (if missing) and the worker started before the app starts listening.</remarks>
    /// <param name="environment">The host environment (Development turns on the <c>X-Dev-User</c> sign-in for loopback calls).</param>
    public static async Task<RunningApp> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null, string environment = "Testing")
    {
        var app = ReviewWorkflowApp.Create(["--urls", "http://127.0.0.1:0", "--environment", environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            configure?.Invoke(builder);
        });
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
