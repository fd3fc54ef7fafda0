using System.Diagnostics;
using System.Globalization;
using ReviewWorkflow.Bench;

// Throughput of the Durable Task engine (DTFx, Azure Storage provider) against a private Azurite. ./bench.sh [--quick]
var quick = args.Contains("--quick");
var ci = CultureInfo.InvariantCulture;
await using var azurite = await AzuriteProcess.StartAsync(FindRepositoryRoot());

// The engine's own settings, as Durable:* configuration (the same keys host.json's durableTask section uses).
var settings = new Dictionary<string, string?>
{
    ["Durable:HubName"] = "bench" + Guid.NewGuid().ToString("N")[..8],
    ["Durable:PartitionCount"] = "4",
    ["Durable:ExtendedSessionsEnabled"] = "true",
    ["Durable:ExtendedSessionIdleTimeoutInSeconds"] = "30",
    ["Durable:MaxConcurrentOrchestratorFunctions"] = "8",
    ["Durable:MaxConcurrentActivityFunctions"] = "64",
    ["Durable:ControlQueueBatchSize"] = "32",
    ["Durable:MaxQueuePollingInterval"] = "00:00:00.250",
};
Console.WriteLine(string.Create(ci, $"ReviewWorkflow Durable Task benchmark ({(quick ? "quick" : "full")}): {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}, Azurite pid {azurite.ProcessId} (in memory)"));
Console.WriteLine("settings: " + string.Join(", ", settings.Where(s => s.Key != "Durable:HubName").Select(s => $"{s.Key}={s.Value}")));

await using var engine = await EngineBenchmark.StartAsync(azurite.ConnectionString, settings);
await engine.SequentialAsync(10); // warm-up: JIT, partition leases, connections
engine.Counter.ByKind.Clear();

var seq = await engine.SequentialAsync(quick ? 100 : 300);
Report(seq, engine.Counter);
var fan = await engine.FanOutAsync(500);
Report(fan, engine.Counter);
var events = await engine.EventsAsync(quick ? 200 : 500);
Report(events, engine.Counter);

using var self = Process.GetCurrentProcess();
self.Refresh();
var peakMb = self.PeakWorkingSet64 / (1024.0 * 1024.0);

Console.WriteLine();
Console.WriteLine("| measurement | items | seconds | items/s | storage requests | requests/item |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
foreach (var m in new[] { seq, fan, events })
{
    Console.WriteLine(string.Create(ci, $"| {m.Name} | {m.Items} | {m.Elapsed.TotalSeconds:F2} | {m.ItemsPerSecond:F1} | {m.StorageRequests} | {m.RequestsPerItem:F2} |"));
}

Console.WriteLine(string.Create(ci, $"| peak working set (bench process, MB) | | | {peakMb:F0} | | |"));
Console.WriteLine(string.Create(ci, $"load average at the end: {LoadAverage()}"));
Console.WriteLine();
Console.WriteLine(string.Create(ci, $"RESULT seq_activities_per_s={seq.ItemsPerSecond:F1} fanout_activities_per_s={fan.ItemsPerSecond:F1} events_per_s={events.ItemsPerSecond:F1} storage_requests_per_activity={seq.RequestsPerItem:F2} peak_mb={peakMb:F0}"));

static void Report(Measurement m, RequestCounter counter)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Name}: {m.Items} in {m.Elapsed.TotalSeconds:F2} s = {m.ItemsPerSecond:F1}/s, {m.RequestsPerItem:F2} storage requests each"));
    var parts = counter.ByKind.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}"));
    Console.WriteLine("  requests: " + string.Join(", ", parts));
    counter.ByKind.Clear();
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

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
