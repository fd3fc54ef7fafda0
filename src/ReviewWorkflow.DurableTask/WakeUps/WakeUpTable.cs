using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ReviewWorkflow.DurableTask.Configuration;
using ReviewWorkflow.DurableTask.Engine;

namespace ReviewWorkflow.DurableTask.WakeUps;

/// <summary>The wake-ups table, created on first use.</summary>
internal sealed class WakeUpTable(TaskHubStorage storage, IOptions<DurableTaskOptions> options)
{
    private readonly Lazy<TableClient> _client = new(() => storage.CreateTableServiceClient().GetTableClient(options.Value.WakeUpsTable));
    private volatile bool _created;

    public string Name => options.Value.WakeUpsTable;

    public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        var client = _client.Value;
        if (!_created)
        {
            await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            _created = true;
        }

        return client;
    }

    /// <summary>Deletes the whole table (test hosts clean up after themselves).</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.Value.DeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // already gone
        }

        _created = false;
    }
}
