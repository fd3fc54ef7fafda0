using System.Diagnostics;
using System.Globalization;
using ReviewWorkflow.Bench;
using ReviewWorkflow.Storage.Configuration;

// Throughput of the durable runtime on the Azure Storage backend against a private Azurite. ./bench.sh [--quick]
var quick = args.Contains("--quick");
var root = FindRepositoryRoot();
await using var azurite = await AzuriteProcess.StartAsync(root);
var connection = StorageConnection.Parse(azurite.ConnectionString);
var ci = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(ci, $"ReviewWorkflow durable benchmark ({(quick ? "quick" : "full")}): {Environment.ProcessorCount} cores, .NET {Environment.Version}, Azurite pid {azurite.ProcessId} (in memory)"));

var ceiling = await CeilingBenchmark.RunAsync(connection, TimeSpan.FromSeconds(quick ? 8 : 20));
Console.WriteLine(string.Create(ci, $"raw ceiling: {ceiling.OpsPerSecond:F0} ops/s ({ceiling.BatchesPerSecond:F0} transactions/s + {ceiling.QueueOpsPerSecond:F0} queue ops/s)"));

await using var engine = await EngineBenchmark.StartAsync(connection, "bench" + Guid.NewGuid().ToString("N")[..8]);
await engine.SequentialAsync(10); // warm-up: JIT, tables, connections
engine.Counter.ByKind.Clear();
var seq = await engine.SequentialAsync(quick ? 100 : 300);
Console.WriteLine(string.Create(ci, $"sequential: {seq.ItemsPerSecond:F1}/s"));
PrintBreakdown(engine.Counter);
var fan = await engine.FanOutAsync(500);
Console.WriteLine(string.Create(ci, $"fan-out: {fan.ItemsPerSecond:F1}/s"));
PrintBreakdown(engine.Counter);
var events = await engine.EventsAsync(quick ? 200 : 500);
Console.WriteLine(string.Create(ci, $"events: {events.ItemsPerSecond:F1}/s"));
PrintBreakdown(engine.Counter);

using var self = Process.GetCurrentProcess();
self.Refresh();
var peakMb = self.PeakWorkingSet64 / (1024.0 * 1024.0);
var ratio = fan.OpsPerSecond / ceiling.OpsPerSecond;

Console.WriteLine();
Console.WriteLine("| measurement | items | seconds | items/s | storage ops | ops/s | steps | ops/step |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var r in new[] { seq, fan, events })
{
    Console.WriteLine(string.Create(ci, $"| {r.Name} | {r.Items} | {r.Elapsed.TotalSeconds:F2} | {r.ItemsPerSecond:F1} | {r.StorageOps} | {r.OpsPerSecond:F0} | {r.Steps} | {r.OpsPerStep:F2} |"));
}

Console.WriteLine(string.Create(ci, $"| raw ceiling (16 concurrent: transactions + queue send/receive/delete) | | | | | {ceiling.OpsPerSecond:F0} | | |"));
Console.WriteLine(string.Create(ci, $"| fan-out ops/s ÷ ceiling | | | | | {ratio:F2} | | |"));
Console.WriteLine(string.Create(ci, $"| peak working set (bench process, MB) | | | | | {peakMb:F0} | | |"));
Console.WriteLine();
Console.WriteLine(string.Create(ci, $"RESULT seq_activities_per_s={seq.ItemsPerSecond:F1} fanout_activities_per_s={fan.ItemsPerSecond:F1} events_per_s={events.ItemsPerSecond:F1} storage_ops_per_step={seq.OpsPerStep:F2} ceiling_ratio={ratio:F2} peak_mb={peakMb:F0}"));

// Storage requests by kind since the previous call (for profiling; printed before the summary table).
static void PrintBreakdown(RequestCounter counter)
{
    var parts = counter.ByKind.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}"));
    Console.WriteLine("  requests: " + string.Join(", ", parts));
    counter.ByKind.Clear();
}

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReviewWorkflow.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new InvalidOperationException("Run from inside the repository (ReviewWorkflow.sln not found).");
}
