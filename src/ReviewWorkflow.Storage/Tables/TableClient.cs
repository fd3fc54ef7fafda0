using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using ReviewWorkflow.Storage.Pipeline;
using ReviewWorkflow.Storage.Tables.Internal;

namespace ReviewWorkflow.Storage.Tables;

/// <summary>Operations on one table. Every method validates keys and sizes before sending and throws
/// <see cref="ArgumentException"/> naming the problem; service errors throw <see cref="StorageRequestException"/>.</summary>
public sealed partial class TableClient
{
    private static readonly RequestMethod Merge = new("MERGE");

    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;

    internal TableClient(HttpPipeline pipeline, Uri endpoint, string name)
    {
        _pipeline = pipeline;
        _endpoint = endpoint;
        Name = name;
    }

    public string Name { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Post, "/Tables");
        SetJsonContent(message.Request, EntityJson.SerializeTableName(Name));
        message.Request.Headers.SetValue(StorageHeaders.Prefer, StorageHeaders.ReturnNoContent);
        var response = await SendAsync(message, $"Create table '{Name}'", cancellationToken).ConfigureAwait(false);
        if (response.Status is >= 200 and < 300 || response.Status == 409)
        {
            return; // 409 TableAlreadyExists is success for "if not exists"
        }

        throw StorageErrors.FromResponse(response, $"Create table '{Name}'");
    }

    public async Task DeleteTableAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, $"/Tables('{TableUris.EncodeKey(Name)}')");
        await SendCheckedAsync(message, $"Delete table '{Name}'", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Insert; 409 EntityAlreadyExists if present. Returns the new ETag.</summary>
    public async Task<string> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        EntityValidator.ValidateEntity(entity);
        using var message = CreateMessage(RequestMethod.Post, "/" + Name);
        SetJsonContent(message.Request, EntityJson.Serialize(entity));
        message.Request.Headers.SetValue(StorageHeaders.Prefer, StorageHeaders.ReturnNoContent);
        var response = await SendCheckedAsync(message, $"Insert into table '{Name}'", cancellationToken).ConfigureAwait(false);
        return ReadETag(response);
    }

    /// <summary>Replace or merge guarded by If-Match (<paramref name="ifMatch"/> = ETag or "*"); 412 on mismatch. Returns the new ETag.</summary>
    public async Task<string> UpdateEntityAsync(TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        EntityValidator.ValidateEntity(entity);
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        using var message = CreateEntityMessage(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, entity.PartitionKey, entity.RowKey);
        message.Request.Headers.SetValue(StorageHeaders.IfMatch, ifMatch);
        SetJsonContent(message.Request, EntityJson.Serialize(entity));
        var response = await SendCheckedAsync(message, $"Update ({mode}) in table '{Name}'", cancellationToken).ConfigureAwait(false);
        return ReadETag(response);
    }

    /// <summary>Insert-or-replace / insert-or-merge, no If-Match. Returns the new ETag.</summary>
    public async Task<string> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        EntityValidator.ValidateEntity(entity);
        using var message = CreateEntityMessage(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, entity.PartitionKey, entity.RowKey);
        SetJsonContent(message.Request, EntityJson.Serialize(entity));
        var response = await SendCheckedAsync(message, $"Upsert ({mode}) in table '{Name}'", cancellationToken).ConfigureAwait(false);
        return ReadETag(response);
    }

    /// <summary>Delete guarded by If-Match ("*" = unconditional). 404 throws unless <paramref name="ignoreNotFound"/>.</summary>
    public async Task DeleteEntityAsync(string partitionKey, string rowKey, string ifMatch = "*", bool ignoreNotFound = false, CancellationToken cancellationToken = default)
    {
        EntityValidator.ValidateKey(partitionKey, nameof(partitionKey));
        EntityValidator.ValidateKey(rowKey, nameof(rowKey));
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        using var message = CreateEntityMessage(RequestMethod.Delete, partitionKey, rowKey);
        message.Request.Headers.SetValue(StorageHeaders.IfMatch, ifMatch);
        var operation = $"Delete from table '{Name}'";
        var response = await SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        if (response.Status is >= 200 and < 300 || (ignoreNotFound && response.Status == 404))
        {
            return;
        }

        throw StorageErrors.FromResponse(response, operation);
    }

    /// <summary>Point read; null when the entity is not found (a missing table still throws, with TableNotFound).</summary>
    public async Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        EntityValidator.ValidateKey(partitionKey, nameof(partitionKey));
        EntityValidator.ValidateKey(rowKey, nameof(rowKey));
        using var message = CreateEntityMessage(RequestMethod.Get, partitionKey, rowKey);
        AppendSelect(message.Request, select);
        var operation = $"Read from table '{Name}'";
        var response = await SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            var error = StorageErrors.FromResponse(response, operation);
            return error.ErrorCode is "TableNotFound" ? throw error : null;
        }

        if (response.Status is < 200 or >= 300)
        {
            throw StorageErrors.FromResponse(response, operation);
        }

        using var doc = JsonDocument.Parse(response.Content.ToMemory());
        return EntityJson.Deserialize(doc.RootElement, response.Headers.TryGetValue(StorageHeaders.ETag, out var etag) ? etag : null);
    }

    internal static void AddCommonHeaders(Request request)
    {
        request.Headers.SetValue(StorageHeaders.Accept, StorageHeaders.JsonMinimalMetadata);
        request.Headers.SetValue(StorageHeaders.DataServiceVersion, StorageHeaders.DataServiceVersionValue);
        request.Headers.SetValue(StorageHeaders.MaxDataServiceVersion, StorageHeaders.DataServiceVersionValue);
    }

    private HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath(path, escape: false);
        AddCommonHeaders(request);
        return message;
    }

    private HttpMessage CreateEntityMessage(RequestMethod method, string partitionKey, string rowKey)
        => CreateMessage(method, TableUris.EntityPath(Name, partitionKey, rowKey));

    private static void SetJsonContent(Request request, byte[] json)
    {
        request.Headers.SetValue(StorageHeaders.ContentType, "application/json");
        request.Content = RequestContent.Create(json);
    }

    private static void AppendSelect(Request request, IEnumerable<string>? select)
    {
        if (select is null)
        {
            return;
        }

        var names = select.ToList();
        if (names.Count > 0)
        {
            request.Uri.AppendQuery("$select", string.Join(',', names));
        }
    }

    private static string ReadETag(Response response)
        => response.Headers.TryGetValue(StorageHeaders.ETag, out var etag) && etag is not null
            ? etag
            : throw new StorageRequestException(response.Status, null, "The Table service answered without an ETag.");

    private Task<Response> SendAsync(HttpMessage message, string operation, CancellationToken cancellationToken)
        => StorageSender.SendAsync(_pipeline, message, operation, cancellationToken);

    private Task<Response> SendCheckedAsync(HttpMessage message, string operation, CancellationToken cancellationToken)
        => StorageSender.SendCheckedAsync(_pipeline, message, operation, cancellationToken);
}
