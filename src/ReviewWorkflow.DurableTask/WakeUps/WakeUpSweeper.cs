using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ReviewWorkflow.DurableTask.WakeUps;

/// <summary>
/// Raises <see cref="WakeUpSignal"/> to every instance whose wake-up is due by the app's <see cref="TimeProvider"/>,
/// then deletes the row if it was not re-scheduled meanwhile (ETag). A crash between raising and deleting raises the
/// signal again on the next sweep — orchestrators treat every signal as "re-evaluate now", so that is harmless.
/// Rows of instances that no longer exist or have finished are deleted without raising.
/// </summary>
public sealed partial class WakeUpSweeper : IDisposable
{
    private readonly WakeUpScheduler _scheduler;
    private readonly DurableTaskClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger<WakeUpSweeper> _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly SemaphoreSlim _requested = new(0, 1);

    internal WakeUpSweeper(WakeUpScheduler scheduler, DurableTaskClient client, TimeProvider time, ILogger<WakeUpSweeper> logger)
    {
        _scheduler = scheduler;
        _client = client;
        _time = time;
        _logger = logger;
    }

    /// <summary>Raises every due wake-up; returns how many signals were raised.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            var due = new List<WakeUpEntity>();
            await foreach (var row in _scheduler.ReadAsync(now, cancellationToken).ConfigureAwait(false))
            {
                due.Add(row);
            }

            var raised = 0;
            foreach (var row in due.OrderBy(r => r.DueAt))
            {
                var instance = await _client.GetInstanceAsync(row.InstanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
                if (instance is null || instance.IsCompleted)
                {
                    await _scheduler.DeleteIfUnchangedAsync(row, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await _client.RaiseEventAsync(row.InstanceId, WakeUpSignal.EventName, new WakeUpSignal(row.DueAt, now), cancellationToken)
                    .ConfigureAwait(false);
                raised++;
                LogRaised(_logger, row.InstanceId, row.DueAt, now);
                await _scheduler.DeleteIfUnchangedAsync(row, cancellationToken).ConfigureAwait(false);
            }

            return raised;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose()
    {
        _oneAtATime.Dispose();
        _requested.Dispose();
    }

    /// <summary>Asks the hosted sweep to run now (e.g. right after the development clock jumped).</summary>
    public void RequestSweep()
    {
        try
        {
            _requested.Release();
        }
        catch (SemaphoreFullException)
        {
            // a sweep is already requested
        }
    }

    /// <summary>Completes when a sweep is requested or <paramref name="interval"/> has passed (real time).</summary>
    internal async Task WaitForNextSweepAsync(TimeSpan interval, CancellationToken cancellationToken) =>
        await _requested.WaitAsync(interval, cancellationToken).ConfigureAwait(false);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Wake-up raised to {InstanceId} (due {DueAt:O}, clock {Now:O})")]
    private static partial void LogRaised(ILogger logger, string instanceId, DateTimeOffset dueAt, DateTimeOffset now);
}
