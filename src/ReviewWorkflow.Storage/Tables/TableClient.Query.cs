using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Core;
using ReviewWorkflow.Storage.Pipeline;
using ReviewWorkflow.Storage.Tables.Internal;

namespace ReviewWorkflow.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>Most entities the service returns in one page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>One page of a query. <paramref name="filter"/> must come from <see cref="TableFilter"/>.</summary>
    public async Task<TablePage> QueryPageAsync(string? filter = null, IEnumerable<string>? select = null, int? top = null, TableContinuation? continuation = null, CancellationToken cancellationToken = default)
    {
        if (top is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, $"top must be 1..{MaxPageSize}.");
        }

        using var message = CreateQueryMessage(filter, select, top, continuation);
        var response = await SendCheckedAsync(message, $"Query table '{Name}'", cancellationToken).ConfigureAwait(false);

        var entities = new List<TableEntity>();
        using (var doc = JsonDocument.Parse(response.Content.ToMemory()))
        {
            if (doc.RootElement.TryGetProperty("value", out var value))
            {
                foreach (var item in value.EnumerateArray())
                {
                    entities.Add(EntityJson.Deserialize(item));
                }
            }
        }

        TableContinuation? next = null;
        if (response.Headers.TryGetValue(StorageHeaders.NextPartitionKey, out var nextPk) && !string.IsNullOrEmpty(nextPk))
        {
            // NextRowKey may be absent (the service and Azurite both do this); it is then omitted from the next request.
            response.Headers.TryGetValue(StorageHeaders.NextRowKey, out var nextRk);
            next = new TableContinuation(nextPk, string.IsNullOrEmpty(nextRk) ? null : nextRk);
        }

        return new TablePage(entities, next);
    }

    /// <summary>All matching entities, following continuations (pages may be short or empty and still continue).</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(string? filter = null, IEnumerable<string>? select = null, int? maxPerPage = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var selected = select?.ToList();
        TableContinuation? continuation = null;
        do
        {
            var page = await QueryPageAsync(filter, selected, maxPerPage, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    internal HttpMessage CreateQueryMessage(string? filter, IEnumerable<string>? select, int? top, TableContinuation? continuation)
    {
        var message = CreateMessage(RequestMethod.Get, $"/{Name}()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter))
        {
            uri.AppendQuery("$filter", filter);
        }

        AppendSelect(message.Request, select);
        if (top is not null)
        {
            uri.AppendQuery("$top", top.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (continuation is not null)
        {
            uri.AppendQuery("NextPartitionKey", continuation.NextPartitionKey);
            if (!string.IsNullOrEmpty(continuation.NextRowKey))
            {
                uri.AppendQuery("NextRowKey", continuation.NextRowKey);
            }
        }

        return message;
    }
}
