using Azure;
using Microsoft.Extensions.Options;
using ReviewWorkflow.DurableTask.Configuration;

namespace ReviewWorkflow.DurableTask.Engine;

/// <summary>
/// Reads how much work a task hub holds. A queue message stays in its queue (invisible) until the work it started has
/// written its results and sent its follow-up messages, so "no messages and nothing in flight" means nothing is left to do
/// — except durable timers and delayed starts, whose messages wait in the control queues and so count as work.
/// </summary>
internal sealed class TaskHubProbe(TaskHubStorage storage, IOptions<DurableTaskOptions> options, WorkInFlight inFlight)
{
    private readonly Lazy<Azure.Storage.Queues.QueueServiceClient> _queues = new(storage.CreateQueueServiceClient);

    public IReadOnlyList<string> QueueNames
    {
        get
        {
            var hub = options.Value.HubName.ToLowerInvariant();
            return Enumerable.Range(0, options.Value.PartitionCount)
                .Select(i => $"{hub}-control-{i:00}")
                .Append($"{hub}-workitems")
                .ToList();
        }
    }

    public async Task<TaskHubLoad> ReadAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>();
        foreach (var name in QueueNames)
        {
            try
            {
                var properties = await _queues.Value.GetQueueClient(name).GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
                counts[name] = properties.Value.ApproximateMessagesCount;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                counts[name] = 0;
            }
        }

        return new TaskHubLoad(counts.Values.Sum(), inFlight.Orchestrations, inFlight.Activities, counts);
    }
}
