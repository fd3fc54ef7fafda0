using System.Diagnostics;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Bench;

/// <summary>
/// The raw ceiling: storage operations per second our own clients reach on this machine with 16 requests in flight —
/// half the workers commit small entity-group transactions (a status-row replace plus two upserts, like a step), half run
/// queue send → receive → delete cycles (like a work item).
/// </summary>
internal static class CeilingBenchmark
{
    public sealed record Result(double OpsPerSecond, double BatchesPerSecond, double QueueOpsPerSecond);

    public static async Task<Result> RunAsync(StorageConnection connection, TimeSpan duration, int concurrency = 16)
    {
        var tables = new TableServiceClient(connection, new StorageOptions());
        var queues = new QueueServiceClient(connection, new StorageOptions());
        var table = tables.GetTableClient("ceiling" + Guid.NewGuid().ToString("N")[..8]);
        var queue = queues.GetQueueClient("ceiling-" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        await queue.CreateIfNotExistsAsync();

        long batches = 0, queueOps = 0;
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            var pk = "p" + w;
            string? etag = null;
            var i = 0;
            while (stop.Elapsed < duration)
            {
                if (w % 2 == 0)
                {
                    var status = new TableEntity(pk, "s") { ["Step"] = i, ["Status"] = "Running" };
                    var actions = new List<TableTransactionAction>
                    {
                        new(etag is null ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.UpdateReplace, status, etag),
                        new(TableTransactionActionType.UpsertReplace, new TableEntity(pk, $"h-{i:D10}") { ["D"] = "{\"type\":\"TaskScheduled\"}" }),
                        new(TableTransactionActionType.UpsertReplace, new TableEntity(pk, $"o-{i:D10}") { ["D"] = "{\"name\":\"Bench\"}" }),
                    };
                    var results = await table.SubmitTransactionAsync(actions);
                    etag = results[0].ETag;
                    Interlocked.Increment(ref batches);
                }
                else
                {
                    await queue.SendMessageAsync($"{{\"w\":{w},\"i\":{i}}}");
                    var received = await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1));
                    Interlocked.Add(ref queueOps, 2);
                    foreach (var m in received)
                    {
                        await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                        Interlocked.Increment(ref queueOps);
                    }
                }

                i++;
            }
        }).ToList();
        await Task.WhenAll(workers);
        var seconds = stop.Elapsed.TotalSeconds;
        await table.DeleteTableAsync();
        await queue.DeleteQueueAsync();
        return new Result((batches + queueOps) / seconds, batches / seconds, queueOps / seconds);
    }
}
