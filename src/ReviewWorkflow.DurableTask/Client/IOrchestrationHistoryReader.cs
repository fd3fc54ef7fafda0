using DurableTask.Core.History;

namespace ReviewWorkflow.DurableTask.Client;

/// <summary>Reads an orchestration instance's DTFx history from the task hub's History table.</summary>
public interface IOrchestrationHistoryReader
{
    /// <summary>
    /// The history events of the instance's current execution, oldest first; empty when the instance does not exist.
    /// </summary>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default);
}
