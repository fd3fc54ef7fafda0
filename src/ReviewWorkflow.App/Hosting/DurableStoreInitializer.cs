using ReviewWorkflow.Durable;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.App.Hosting;

/// <summary>
/// Creates the task hub's tables and queues once. Standalone the dispatcher does it; under the Functions host the
/// dispatcher is off, so this tries at start-up (without blocking it: the host's ping must be answered even while
/// storage is unreachable) and every trigger awaits <see cref="EnsureAsync"/> before touching the store.
/// </summary>
public sealed partial class DurableStoreInitializer(IDurableStore store, ILogger<DurableStoreInitializer> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await EnsureAsync(CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Start-up must not fail on storage; the first trigger retries and reports the error.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogInitializeFailed(logger, ex);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Could not create the task hub's tables and queues yet; the first trigger tries again.")]
    private static partial void LogInitializeFailed(ILogger logger, Exception exception);
}
