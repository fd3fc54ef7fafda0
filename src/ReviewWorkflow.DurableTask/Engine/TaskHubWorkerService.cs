using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReviewWorkflow.DurableTask.Registration;
using TaskFactory = ReviewWorkflow.DurableTask.Registration.TaskFactory;

namespace ReviewWorkflow.DurableTask.Engine;

/// <summary>
/// Hosts the DTFx <see cref="TaskHubWorker"/>: creates the task hub if it is missing, starts the worker (unless
/// <c>Durable:WorkerEnabled</c> is false) and stops it gracefully, letting in-flight work finish.
/// </summary>
internal sealed partial class TaskHubWorkerService(
    OrchestrationServiceFactory services,
    TaskFactory tasks,
    WorkInFlight inFlight,
    ILoggerFactory loggerFactory,
    ILogger<TaskHubWorkerService> logger) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TaskHubWorker? _worker;
    private TrackedOrchestrationService? _tracked;
    private AzureStorageOrchestrationService? _service;
    private int _generation;

    /// <summary>How long start-up waits for the task hub before the host goes on (and keeps trying in the background).</summary>
    internal static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stopping = new();
    private Task? _startup;

    public bool IsRunning => _worker is not null;

    /// <summary>
    /// Creates the hub and starts the worker. When storage does not answer within <see cref="StartupWait"/> the host
    /// starts anyway (so the app listens and <c>/health</c> can say what is wrong) and this keeps trying in the
    /// background, with a growing pause, until it succeeds or the host stops.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _startup = StartWithRetriesAsync(_stopping.Token);
        var first = await Task.WhenAny(_startup, Task.Delay(StartupWait, cancellationToken)).ConfigureAwait(false);
        if (first == _startup)
        {
            await _startup.ConfigureAwait(false);
        }
        else
        {
            LogStartDeferred(logger, services.Options.HubName, StartupWait.TotalSeconds);
        }
    }

    private async Task StartWithRetriesAsync(CancellationToken stopping)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                // The hub's queues, tables and blob container are created by whoever comes first (idempotent), so a
                // client-only web app started before the worker still finds them.
                using (var service = services.Create())
                {
                    await service.CreateIfNotExistsAsync().WaitAsync(stopping).ConfigureAwait(false);
                }

                if (services.Options.WorkerEnabled && !stopping.IsCancellationRequested)
                {
                    await StartWorkerAsync().ConfigureAwait(false);
                }

                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogStartFailed(logger, ex, services.Options.HubName, pause.TotalSeconds);
                try
                {
                    await Task.Delay(pause, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                pause = TimeSpan.FromSeconds(Math.Min(pause.TotalSeconds * 2, 30));
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await StopWorkerAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a worker on the hub; each start after a crash gets a new worker name, as a new process would.</summary>
    public async Task StartWorkerAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_worker is not null)
            {
                return;
            }

            var generation = Interlocked.Increment(ref _generation);
            var baseId = services.Options.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}";
            _service = services.Create(generation == 1 ? baseId : $"{baseId}-{generation}");
            _tracked = new TrackedOrchestrationService(_service, inFlight);
            _worker = new TaskHubWorker(_tracked, tasks.Orchestrations, tasks.Activities, loggerFactory)
            {
                // Failure details (type, message, stack) reach the orchestrator's TaskFailedException as they do in
                // Durable Functions isolated, where the shims expect them.
                ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
            };
            await _worker.StartAsync().ConfigureAwait(false);
            LogStarted(logger, services.Options.HubName, services.Options.PartitionCount);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the worker gracefully: in-flight work items finish and partition leases are released.</summary>
    public async Task StopWorkerAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_worker is null)
            {
                return;
            }

            await _worker.StopAsync(isForced: false).ConfigureAwait(false);
            _service?.Dispose();
            _worker = null;
            _tracked = null;
            _service = null;
            LogStopped(logger, services.Options.HubName);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stops the worker as a crash would: from now on nothing it finishes reaches storage; the messages it had locked
    /// reappear after their visibility timeout. Its partition leases are released so a new worker can start at once.
    /// </summary>
    public async Task CrashWorkerAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_worker is null)
            {
                return;
            }

            _tracked!.CutOff();
            await _worker.StopAsync(isForced: true).ConfigureAwait(false);
            _service?.Dispose();
            _worker = null;
            _tracked = null;
            _service = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    // The container may dispose this twice (it is both a singleton and the hosted service's factory result), so the
    // gate is left to the finalizer-free GC rather than disposed here.
    public async ValueTask DisposeAsync() => await StopWorkerAsync().ConfigureAwait(false);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Durable Task worker started on task hub {HubName} ({PartitionCount} partitions)")]
    private static partial void LogStarted(ILogger logger, string hubName, int partitionCount);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Task hub {HubName} not ready after {Seconds} s; the host starts and the worker keeps trying in the background")]
    private static partial void LogStartDeferred(ILogger logger, string hubName, double seconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Task hub {HubName} could not be created or its worker started; trying again in {Seconds} s")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string hubName, double seconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Durable Task worker stopped on task hub {HubName}")]
    private static partial void LogStopped(ILogger logger, string hubName);
}
