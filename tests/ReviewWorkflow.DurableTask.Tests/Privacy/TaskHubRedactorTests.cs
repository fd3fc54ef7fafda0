using System.IO.Compression;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ReviewWorkflow.DurableTask.Privacy;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.DurableTask.Tests.Privacy;

/// <summary>Issue 15, point 1: personal values leave what the engine stored for a cycle's family of instances — rows of
/// the Instances and History tables (as written and JSON-escaped) and gzip large-message blobs — and nothing of
/// another instance whose id merely starts the same way is touched.</summary>
public sealed class TaskHubRedactorTests
{
    private const string Name = "Niamh O'Fictional";
    private const string Email = "Niamh.O@Young.example";

    [Fact]
    public async Task Names_and_addresses_are_replaced_in_the_familys_rows_and_blobs_and_nowhere_else()
    {
        var connection = await Azurite.GetConnectionStringAsync();
        var tables = new TableServiceClient(connection);
        var instances = tables.GetTableClient(Azurite.UniqueTableName("inst"));
        var history = tables.GetTableClient(Azurite.UniqueTableName("hist"));
        await instances.CreateAsync();
        await history.CreateAsync();
        var blobs = new BlobServiceClient(connection).GetBlobContainerClient("lm" + Guid.NewGuid().ToString("N"));
        await blobs.CreateAsync();
        var escaped = "Niamh O\\u0027Fictional"; // how System.Text.Json writes the apostrophe
        await instances.AddEntityAsync(new TableEntity("cycle-1", "") { ["Input"] = $"{{\"name\":\"{escaped}\",\"email\":\"{Email.ToLowerInvariant()}\"}}" });
        await history.AddEntityAsync(new TableEntity("cycle-1:consultation-1", "0000000000000001") { ["Result"] = $"[{{\"name\":\"{Name}\"}}]" });
        await history.AddEntityAsync(new TableEntity("cycle-1", "0000000000000002") { ["Input"] = "{\"title\":\"Niamh O'Fictionalism and Pat\"}" });
        await history.AddEntityAsync(new TableEntity("cycle-10", "0000000000000001") { ["Input"] = $"{{\"name\":\"{Name}\"}}" });
        await UploadAsync(blobs, "cycle-1:consultation-1/history-0000000000000002-TaskCompleted-0A-Result.json.gz", $"{{\"to\":\"{Email}\",\"name\":\"{escaped}\"}}");
        await UploadAsync(blobs, "cycle-10/history-0000000000000002-TaskCompleted-0B-Result.json.gz", $"{{\"to\":\"{Email}\"}}");
        var redactor = new TaskHubRedactor(instances, history, blobs);

        var changed = await redactor.RedactAsync("cycle-1", [new TaskHubRedaction(Email, "c-1@erased.invalid", IgnoreCase: true), new TaskHubRedaction(Name, "Consultee 7")]);

        Assert.Equal(3, changed);
        Assert.False(await redactor.ContainsAsync("cycle-1", [Email, Name]));
        Assert.Equal("{\"name\":\"Consultee 7\",\"email\":\"c-1@erased.invalid\"}", (await instances.GetEntityAsync<TableEntity>("cycle-1", "")).Value.GetString("Input"));
        Assert.Contains("Consultee 7", await DownloadAsync(blobs, "cycle-1:consultation-1/history-0000000000000002-TaskCompleted-0A-Result.json.gz"), StringComparison.Ordinal);
        Assert.Equal("{\"title\":\"Niamh O'Fictionalism and Pat\"}", (await history.GetEntityAsync<TableEntity>("cycle-1", "0000000000000002")).Value.GetString("Input")); // whole words only
        Assert.True(await redactor.ContainsAsync("cycle-10", [Email, Name])); // another cycle's data is its own
        Assert.Equal(0, await redactor.RedactAsync("cycle-1", [new TaskHubRedaction(Email, "c-1@erased.invalid", IgnoreCase: true), new TaskHubRedaction(Name, "Consultee 7")]));
    }

    private static async Task UploadAsync(BlobContainerClient container, string name, string text)
    {
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(text));
        }

        buffer.Position = 0;
        await container.GetBlobClient(name).UploadAsync(buffer);
    }

    private static async Task<string> DownloadAsync(BlobContainerClient container, string name)
    {
        var content = (await container.GetBlobClient(name).DownloadContentAsync()).Value.Content;
        await using var gzip = new GZipStream(content.ToStream(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync();
    }
}
