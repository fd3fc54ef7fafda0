using System.Diagnostics;
using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Drive;

/// <summary>
/// <c>load</c>: sets up cycles × consultees through the API (not measured), then runs the load as concurrent USERS
/// (default): every consultee session (GET the form, think, PUT a save, think, POST submit) and every page viewer (a few
/// loads of the dashboard or a cycle page as the lead, or a consultee's /respond page, thinking between) is active at
/// once, each starting at a random moment within the ramp, think times random within bounds, all drawn from the seed.
/// <c>--burst</c> is the stress mode: every session's requests back to back and every session and view released at the
/// same instant over 128 connections. Each request is timed from send to last byte, waiting for a pooled connection
/// included; a non-2xx answer or a transport error is an error. Lost: acknowledged submissions without a submitted row.
/// </summary>
internal static class LoadRun
{
    private const int BurstConnections = 128;

    public static async Task<int> RunAsync(DriveOptions options)
    {
        System.IO.Directory.CreateDirectory(options.WorkFolder);
        await using var app = new AppProcess(options);
        using var setupApi = new ApiClient(app.BaseAddress, maxConnections: 16);
        var steps = new Steps(setupApi);
        Log.Say($"App on {app.BaseAddress}, task hub {app.TaskHub}, work folder {options.WorkFolder}");
        await app.StartAsync();
        var day0 = CyclePlan.NextMondayMorning(DateTimeOffset.UtcNow);
        var plan = new CyclePlan("load", options.Cycles, options.Consultees, DateOnly.FromDateTime(day0.UtcDateTime), _ => false);
        await steps.JumpClockAsync(day0, CancellationToken.None);

        Log.Say($"Setting up {plan.Cycles.Count} cycles × {options.Consultees} consultees");
        await steps.ForEachAsync(plan.Cycles, 4, async (cycle, token) =>
            await steps.CommandAsync(HttpMethod.Post, "api/cycles", plan.StartRequest(cycle), "start-" + cycle.Id, CyclePlan.Lead, token).ConfigureAwait(false), CancellationToken.None);
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (!await Outbox.CollectTokensAsync(setupApi, plan.Cycles, CancellationToken.None) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(2000);
        }

        var consultees = plan.Cycles.SelectMany(c => c.Consultees).Where(c => c.Token is not null).ToList();
        if (consultees.Count == 0 || steps.Failures.Count > 0)
        {
            Console.WriteLine($"Setup failed: {consultees.Count} tokens; " + string.Join("; ", steps.Failures.Take(5)));
            return 1;
        }

        // The lead's cycle page lives on another branch until merged; measure the API view of the cycle instead, and say so.
        var cyclePage = $"cycles/{plan.Cycles[0].Id}";
        var probe = await setupApi.CallAsync(HttpMethod.Get, cyclePage, user: CyclePlan.Lead);
        var cyclePageKind = probe.Ok ? "page /cycles/{id}" : "api /api/cycles/{id}";
        if (!probe.Ok)
        {
            Console.WriteLine($"note: GET /{cyclePage} answered {(int)probe.Status}; the lead views use GET /api/cycles/{{id}} instead");
        }

        var connections = options.Connections > 0 ? options.Connections : options.Burst ? BurstConnections : consultees.Count + options.PageViews;
        using var api = new ApiClient(app.BaseAddress, maxConnections: connections, timeout: TimeSpan.FromSeconds(120));
        var latencies = new Latencies();
        using var sampling = new CancellationTokenSource();
        var peakRss = 0.0;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, app.ResidentMegabytes());
                try
                {
                    await Task.Delay(100, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        string CyclePage(PlannedCycle cycle) => probe.Ok ? $"cycles/{cycle.Id}" : $"api/cycles/{cycle.Id}";
        var pageKinds = new[] { "page /", "page /respond", cyclePageKind };
        var model = options.Burst
            ? $"burst (stress): {consultees.Count} consultee sessions + {options.PageViews} page views released at the same instant, no think time, {connections} connections"
            : string.Create(CultureInfo.InvariantCulture,
                $"users: {consultees.Count} consultees (GET form, think, PUT save, think, POST submit) + {options.PageViews} page viewers ({options.PageLoads} loads each, think between), all active at once, starts spread over {options.RampSeconds} s, think {options.ThinkMinMs}-{options.ThinkMaxMs} ms, seed {options.Seed}, {connections} connections");
        Log.Say("Load model: " + model);
        Console.WriteLine("model: " + model);

        var go = new TaskCompletionSource();
        var clock = Stopwatch.StartNew();
        var submittedOk = 0;
        var lastStart = TimeSpan.Zero;

        // Each session draws its start and think times from its own generator seeded from the run's seed and its
        // index, so a run repeats exactly whatever the scheduling.
        async Task PauseAsync(Random random, bool start)
        {
            if (options.Burst)
            {
                return;
            }

            var ms = start ? random.Next(0, (options.RampSeconds * 1000) + 1) : random.Next(options.ThinkMinMs, options.ThinkMaxMs + 1);
            await Task.Delay(ms);
        }

        var sessions = consultees.Select(async (c, index) =>
        {
            var random = new Random(HashCode.Combine(options.Seed, 1, index));
            await go.Task;
            await PauseAsync(random, start: true);
            lock (latencies)
            {
                lastStart = clock.Elapsed > lastStart ? clock.Elapsed : lastStart;
            }

            var path = $"api/responses/{Uri.EscapeDataString(c.Token!)}";
            if (!await TimedAsync(api, latencies, "consultee GET", HttpMethod.Get, path, null, null, null))
            {
                return;
            }

            await PauseAsync(random, start: false);
            if (!await TimedAsync(api, latencies, "consultee PUT", HttpMethod.Put, path, CyclePlan.Answers(c), null, "save-" + c.Email))
            {
                return;
            }

            await PauseAsync(random, start: false);
            if (!await TimedAsync(api, latencies, "consultee submit", HttpMethod.Post, path + "/submit", CyclePlan.Answers(c), null, "submit-" + c.Email))
            {
                return;
            }

            c.Action = ConsulteeAction.Submitted;
            Interlocked.Increment(ref submittedOk);
        }).ToList();
        var views = Enumerable.Range(0, options.PageViews).Select(async i =>
        {
            var random = new Random(HashCode.Combine(options.Seed, 2, i));
            await go.Task;
            await PauseAsync(random, start: true);
            var loads = options.Burst ? 1 : options.PageLoads;
            for (var load = 0; load < loads; load++)
            {
                if (load > 0)
                {
                    await PauseAsync(random, start: false);
                }

                var which = options.Burst ? i : random.Next();
                var cycle = plan.Cycles[which % plan.Cycles.Count];
                _ = ((which / 7) % 3) switch
                {
                    0 => await TimedAsync(api, latencies, "page /", HttpMethod.Get, "", null, CyclePlan.Lead, null),
                    1 => await TimedAsync(api, latencies, cyclePageKind, HttpMethod.Get, CyclePage(cycle), null, CyclePlan.Lead, null),
                    _ => await TimedAsync(api, latencies, "page /respond", HttpMethod.Get, $"respond/{Uri.EscapeDataString(consultees[which % consultees.Count].Token!)}", null, null, null),
                };
            }
        }).ToList();

        var cpuAtStart = CpuSeconds(app.ProcessId, options.StoragePid);
        go.SetResult();
        await Task.WhenAll(sessions.Concat(views));
        var wall = clock.Elapsed;
        var cpuAtEnd = CpuSeconds(app.ProcessId, options.StoragePid);
        await sampling.CancelAsync();
        await sampler;
        var peak = Math.Max(peakRss, app.PeakMegabytes());

        var tables = new TableServiceClient(options.Storage);
        var responses = new ResponseStore(tables.GetTableClient(app.ResponsesTable), TimeProvider.System);
        var stored = 0;
        foreach (var cycle in plan.Cycles)
        {
            var rows = await responses.ListAsync(cycle.Id);
            var submittedHere = cycle.Consultees.Where(c => c.Action == ConsulteeAction.Submitted).Select(c => c.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
            stored += Math.Min(rows.Count(r => r.Submitted), submittedHere.Count);
        }

        var lost = submittedOk - stored;
        foreach (var line in latencies.Table())
        {
            Console.WriteLine(line);
        }

        foreach (var error in latencies.FirstErrors)
        {
            Console.WriteLine("error: " + error);
        }

        var submitP95 = latencies.Percentile(95, "consultee submit");
        var pageP95 = latencies.Percentile(95, pageKinds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests={latencies.Count} wall_s={wall.TotalSeconds:F1} last_session_started_s={lastStart.TotalSeconds:F1} throughput_rps={latencies.Count / wall.TotalSeconds:F1} submitted_ok={submittedOk} stored_submitted={stored} peak_rss_mb={peak:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu_s in the measured phase: app={cpuAtEnd.App - cpuAtStart.App:F1} storage={(options.StoragePid > 0 ? (cpuAtEnd.Storage - cpuAtStart.Storage).ToString("F1", CultureInfo.InvariantCulture) : "?")} driver={cpuAtEnd.Driver - cpuAtStart.Driver:F1} of {Environment.ProcessorCount} cores x {wall.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all p50={latencies.Percentile(50):F0} p95={latencies.Percentile(95):F0} p99={latencies.Percentile(99):F0} ms; pages p50={latencies.Percentile(50, pageKinds):F0} p99={latencies.Percentile(99, pageKinds):F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT submit_p95_ms={submitP95:F0} page_p95_ms={pageP95:F0} errors={latencies.Errors} lost={lost} peak_mb={peak:F0}"));
        return latencies.Errors == 0 && lost == 0 ? 0 : 1;
    }

    private static async Task<bool> TimedAsync(ApiClient api, Latencies latencies, string kind, HttpMethod method, string path, object? body, string? user, string? key)
    {
        try
        {
            var result = await api.SendOnceAsync(method, path, body, user, key);
            latencies.Add(kind, result.Elapsed);
            if (result.Ok)
            {
                return true;
            }

            latencies.Error(kind, $"{(int)result.Status} {ApiClient.Truncate(result.Text)}");
            return false;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            latencies.Error(kind, ex.GetType().Name + ": " + ex.Message);
            return false;
        }
    }

    /// <summary>CPU time used so far by the app, the storage emulator (0 when its id is unknown) and this driver.</summary>
    private static (double App, double Storage, double Driver) CpuSeconds(int? appPid, int storagePid)
    {
        static double Of(int pid)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                return process.TotalProcessorTime.TotalSeconds;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                return 0;
            }
        }

        return (appPid is { } app ? Of(app) : 0, storagePid > 0 ? Of(storagePid) : 0, Of(Environment.ProcessId));
    }
}
