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
    /// <param name="storeReady">Wait until the task hub's tables and queues exist (they are created in the background at
    /// start; until then storage calls find no table). Not for tests of an unreachable store.</param>
    public static async Task<RunningApp> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null, bool storeReady = false)
    {
        var app = ReviewWorkflowApp.Create(["--urls", "http://127.0.0.1:0", "--environment", "Testing"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        if (storeReady)
        {
            using var ready = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await app.Services.GetRequiredService<DurableStoreInitializer>().EnsureAsync(ready.Token);
        }

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
