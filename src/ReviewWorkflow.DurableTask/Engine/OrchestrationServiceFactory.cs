using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewWorkflow.DurableTask.Configuration;

namespace ReviewWorkflow.DurableTask.Engine;

/// <summary>Creates DTFx's Azure Storage provider with the configured task hub settings.</summary>
internal sealed class OrchestrationServiceFactory(
    IOptions<DurableTaskOptions> options, TaskHubStorage storage, ILoggerFactory loggerFactory)
{
    public DurableTaskOptions Options => options.Value;

    /// <summary>A new provider instance; <paramref name="workerId"/> names this worker in partition leases.</summary>
    public AzureStorageOrchestrationService Create(string? workerId = null)
    {
        var o = options.Value;
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = o.HubName,
            StorageAccountClientProvider = storage.CreateAccountClientProvider(),
            PartitionCount = o.PartitionCount,
            MaxConcurrentTaskOrchestrationWorkItems = o.MaxConcurrentOrchestratorFunctions,
            MaxConcurrentTaskActivityWorkItems = o.MaxConcurrentActivityFunctions,
            ExtendedSessionsEnabled = o.ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(o.ExtendedSessionIdleTimeoutInSeconds),
            MaxQueuePollingInterval = o.MaxQueuePollingInterval,
            ControlQueueBatchSize = o.ControlQueueBatchSize,
            ControlQueueVisibilityTimeout = o.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = o.WorkItemQueueVisibilityTimeout,
            LeaseInterval = o.LeaseInterval,
            LeaseRenewInterval = o.LeaseRenewInterval,
            LeaseAcquireInterval = o.LeaseAcquireInterval,
            UseTablePartitionManagement = true,
            // Starting an instance id that is still running is refused with OrchestrationAlreadyExistsException
            // (as Durable Functions does) rather than silently ignored.
            ThrowExceptionOnInvalidDedupeStatus = true,
            WorkerId = workerId ?? o.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}",
            LoggerFactory = loggerFactory,
        };
        return new AzureStorageOrchestrationService(settings);
    }
}
