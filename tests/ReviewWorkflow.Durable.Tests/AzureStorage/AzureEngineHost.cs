using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReviewWorkflow.Durable.AzureStorage;

namespace ReviewWorkflow.Durable.Tests.AzureStorage;

/// <summary>One worker process in miniature: the durable runtime with its built-in dispatcher polling real Azurite queues
/// through its own <see cref="AzureStorageDurableStore"/> on a shared task hub.</summary>
internal sealed class AzureEngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private AzureEngineHost(ServiceProvider services, AzureStorageDurableStore store)
    {
        _services = services;
        Store = store;
        Client = services.GetRequiredService<DurableTaskClient>();
        _hosted = [.. services.GetServices<IHostedService>()];
    }

    public AzureStorageDurableStore Store { get; }

    public DurableTaskClient Client { get; }

    public static async Task<AzureEngineHost> StartAsync(string hub, Action<DurableTaskBuilder> configure)
    {
        var store = await AzureStores.CreateAsync(hub);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDurableTask(b =>
        {
            b.UseStore(_ => store);
            b.Configure(o =>
            {
                o.MaxConcurrentOrchestrations = 8;
                o.MaxConcurrentActivities = 16;
                o.MinPollingInterval = TimeSpan.FromMilliseconds(20);
                o.PollingInterval = TimeSpan.FromMilliseconds(500);
                o.OutboxRedispatchDelay = TimeSpan.FromSeconds(30);
            });
            configure(b);
        });
        var host = new AzureEngineHost(services.BuildServiceProvider(), store);
        foreach (var hosted in host._hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted)
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
