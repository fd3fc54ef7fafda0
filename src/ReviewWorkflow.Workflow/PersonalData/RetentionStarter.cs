using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>Starts the retention orchestration once (a fixed instance id) when the worker starts, unless it runs already.</summary>
internal sealed partial class RetentionStarter(DurableTaskClient client, ILogger<RetentionStarter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var delay = TimeSpan.FromSeconds(1); !stoppingToken.IsCancellationRequested; delay = delay * 2 > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : delay * 2)
        {
            try
            {
                var existing = await client.GetInstanceAsync(PersonalDataRetentionOrchestrator.InstanceId, getInputsAndOutputs: false, stoppingToken).ConfigureAwait(false);
                if (existing is null || existing.IsCompleted)
                {
                    await client.ScheduleNewOrchestrationInstanceAsync(PersonalDataRetentionOrchestrator.Name, new RetentionInput(0),
                        new StartOrchestrationOptions { InstanceId = PersonalDataRetentionOrchestrator.InstanceId }, stoppingToken).ConfigureAwait(false);
                }

                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Storage not ready yet, or another process started it first: try again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogNotStarted(logger, ex, delay);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Warning, Message = "The personal-data retention process could not be started yet (next try in {Delay}).")]
    private static partial void LogNotStarted(ILogger logger, Exception exception, TimeSpan delay);
}
