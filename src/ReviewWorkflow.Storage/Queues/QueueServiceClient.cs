using Azure.Core;
using Azure.Core.Pipeline;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Pipeline;
using ReviewWorkflow.Storage.Queues.Internal;

namespace ReviewWorkflow.Storage.Queues;

/// <summary>Entry point for the Queue service of one storage account; cheap to keep as a singleton.</summary>
public sealed class QueueServiceClient
{
    private readonly HttpPipeline _pipeline;
    private readonly HttpPipeline _pingPipeline;
    private readonly Uri _endpoint;

    public QueueServiceClient(StorageConnection connection, StorageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new StorageOptions();
        _endpoint = connection.QueueEndpoint;
        _pipeline = StoragePipelineFactory.Create(StorageService.Queue, connection, options);
        _pingPipeline = StoragePipelineFactory.Create(StorageService.Queue, connection, options, forPing: true);
    }

    /// <summary>The queue service endpoint.</summary>
    public Uri Endpoint => _endpoint;

    /// <exception cref="ArgumentException">The name is not a valid queue name.</exception>
    public QueueClient GetQueueClient(string queueName)
    {
        QueueRules.ValidateName(queueName);
        return new QueueClient(_pipeline, _endpoint, queueName);
    }

    /// <summary>True when the service answers a list request with success (used by /health); false when it cannot be reached or refuses. One attempt, at most 5 s.</summary>
    public Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        var message = _pingPipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(_endpoint);
        message.Request.Uri.AppendQuery("comp", "list");
        message.Request.Uri.AppendQuery("maxresults", "1");
        return StorageSender.PingAsync(_pingPipeline, message, cancellationToken);
    }
}
