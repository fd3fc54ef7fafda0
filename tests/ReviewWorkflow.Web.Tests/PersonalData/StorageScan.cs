using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using ReviewWorkflow.DurableTask.Configuration;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Web.Tests.PersonalData;

/// <summary>
/// Reads everything one test app wrote: every table it names in its options (each <c>*Table</c> setting of the
/// workflow, the themes and wake-up tables) and every table and blob container of its task hub (gzip blobs unzipped),
/// and its local outbox folder; reports where any of the given values occurs, as written or JSON-escaped, without case.
/// </summary>
internal static class StorageScan
{
    public static async Task<IReadOnlyList<string>> FindAsync(IServiceProvider services, string outboxFolder, params string[] values)
    {
        var patterns = values.SelectMany(v => new[] { v, JsonEncodedText.Encode(v).ToString() }).Distinct()
            .Select(v => new Regex(Regex.Escape(v), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToList();
        var hits = new List<string>();
        void Check(string where, string? text)
        {
            if (text is not null && patterns.FirstOrDefault(p => p.IsMatch(text)) is { } p)
            {
                hits.Add($"{where}: {p}");
            }
        }

        var connection = await Azurite.GetConnectionStringAsync();
        var hub = services.GetRequiredService<IOptions<DurableTaskOptions>>().Value.HubName;
        var named = typeof(WorkflowOptions).GetProperties().Where(p => p.Name.EndsWith("Table", StringComparison.Ordinal))
            .Select(p => (string)p.GetValue(services.GetRequiredService<IOptions<WorkflowOptions>>().Value)!)
            .Append(services.GetRequiredService<IOptions<AnalysisOptions>>().Value.ThemesTable)
            .Append(services.GetRequiredService<IOptions<DurableTaskOptions>>().Value.WakeUpsTable)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var tableService = new TableServiceClient(connection);
        var scanned = 0;
        await foreach (var table in tableService.QueryAsync())
        {
            if (!named.Contains(table.Name) && !table.Name.StartsWith(hub, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            scanned++;
            await foreach (var row in tableService.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                foreach (var (key, value) in row)
                {
                    Check($"table {table.Name} {row.PartitionKey}/{row.RowKey} {key}", value switch
                    {
                        string s => s,
                        byte[] b => Encoding.UTF8.GetString(b),
                        BinaryData d => d.ToString(),
                        _ => null,
                    });
                }
            }
        }

        Assert.True(scanned >= 8, $"Expected the app's tables and its task hub's; found {scanned}.");
        var blobs = new BlobServiceClient(connection);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: hub.ToLowerInvariant()))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var bytes = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                Check($"blob {container.Name}/{blob.Name}", blob.Name.EndsWith(".gz", StringComparison.Ordinal) ? Unzip(bytes) : Encoding.UTF8.GetString(bytes));
            }
        }

        if (System.IO.Directory.Exists(outboxFolder))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(outboxFolder))
            {
                Check($"outbox {Path.GetFileName(file)}", await File.ReadAllTextAsync(file));
            }
        }

        return hits;
    }

    private static string Unzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
