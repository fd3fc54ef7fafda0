using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Durable.Engine;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable;

/// <summary>
/// The built-in dispatcher for running outside the Functions host: polls the wake-up and activity queues (backing
/// off when idle, woken at once by in-process work), runs work items with bounded concurrency and sweeps
/// periodically. Every message goes through <see cref="DurableWorker"/>, exactly as a queue trigger would.
/// </summary>
public sealed class DurableHostedService(
    DurableWorker worker,
    IDurableStore store,
    IOptions<DurableOptions> options,
    DurableWorkSignal signal,
    TimeProvider time,
    ILogger<DurableHostedService> logger) : BackgroundService
{
    private readonly DurableOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.EnableDispatcher)
        {
            return;
        }

        await store.InitializeAsync(stoppingToken).ConfigureAwait(false);
        await Task.WhenAll(
            PollAsync(WorkItemKind.Orchestration, _options.MaxConcurrentOrchestrations, stoppingToken),
            PollAsync(WorkItemKind.Activity, _options.MaxConcurrentActivities, stoppingToken),
            SweepLoopAsync(stoppingToken)).ConfigureAwait(false);
    }

    private async Task PollAsync(WorkItemKind kind, int concurrency, CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(Math.Max(1, concurrency));
        var running = new List<Task>();
        var idleDelay = _options.MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                slots.Release();
                var free = slots.CurrentCount;
                var leases = await store.ReceiveAsync(kind, Math.Min(_options.BatchSize, Math.Max(1, kind == WorkItemKind.Orchestration ? _options.BatchSize : free)), _options.LeaseDuration, stoppingToken).ConfigureAwait(false);
                if (leases.Count == 0)
                {
                    await signal.WaitAsync(kind, idleDelay, time, stoppingToken).ConfigureAwait(false);
                    idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, _options.PollingInterval.Ticks));
                    continue;
                }

                idleDelay = _options.MinPollingInterval;
                IEnumerable<Func<Task>> work = kind == WorkItemKind.Orchestration
                    ? DurableWorker.GroupByInstance(leases).Select(g => (Func<Task>)(() => worker.ProcessInstanceGroupAsync(g, stoppingToken)))
                    : leases.Select(l => (Func<Task>)(() => worker.ProcessLeaseAsync(l, stoppingToken)));
                foreach (var item in work)
                {
                    await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                    running.Add(RunAsync(item, slots, kind));
                }

                running.RemoveAll(t => t.IsCompleted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A storage hiccup must not stop the dispatcher; it logs and polls again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.DispatcherLoopFailed(logger, ex, kind.ToString());
                await Task.Delay(_options.PollingInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RunAsync(Func<Task> work, SemaphoreSlim slots, WorkItemKind kind)
    {
        try
        {
            await Task.Yield();
            await work().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the lease runs out and the message is delivered again.
        }
#pragma warning disable CA1031 // Failures are settled per message by the worker; anything else is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.DispatcherLoopFailed(logger, ex, kind.ToString());
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await worker.SweepAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                await Task.Delay(_options.SweepInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The sweep is a safety net; a failed sweep is logged and retried next interval.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.DispatcherLoopFailed(logger, ex, "sweep");
                await Task.Delay(_options.SweepInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
