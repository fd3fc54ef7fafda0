using Azure.Core;
using Azure.Core.Pipeline;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Pipeline;
using ReviewWorkflow.Storage.Tables.Internal;

namespace ReviewWorkflow.Storage.Tables;

/// <summary>Entry point for the Table service of one storage account; cheap to keep as a singleton.</summary>
public sealed class TableServiceClient
{
    private readonly HttpPipeline _pipeline;
    private readonly HttpPipeline _pingPipeline;
    private readonly Uri _endpoint;

    public TableServiceClient(StorageConnection connection, StorageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new StorageOptions();
        _endpoint = connection.TableEndpoint;
        _pipeline = StoragePipelineFactory.Create(StorageService.Table, connection, options);
        _pingPipeline = StoragePipelineFactory.Create(StorageService.Table, connection, options, forPing: true);
    }

    /// <summary>The table service endpoint.</summary>
    public Uri Endpoint => _endpoint;

    /// <exception cref="ArgumentException">The name is not a valid table name.</exception>
    public TableClient GetTableClient(string tableName)
    {
        TableNames.Validate(tableName);
        return new TableClient(_pipeline, _endpoint, tableName);
    }

    /// <summary>True when the service answers with success (used by /health); false when it cannot be reached or refuses. One attempt, at most 5 s.</summary>
    public Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        var message = _pingPipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(_endpoint);
        message.Request.Uri.AppendPath("/Tables", escape: false);
        message.Request.Uri.AppendQuery("$top", "1");
        TableClient.AddCommonHeaders(message.Request);
        return StorageSender.PingAsync(_pingPipeline, message, cancellationToken);
    }
}
