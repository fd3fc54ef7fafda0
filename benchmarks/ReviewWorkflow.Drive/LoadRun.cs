using System.Diagnostics;
using System.Globalization;
using System.Net;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Drive;

/// <summary>
/// <c>load</c>: sets up cycles × consultees through the API (not measured), then launches every consultee session
/// (GET the form, PUT a save, POST submit) and every page view (the dashboard and a cycle page as the lead, a consultee's
/// /respond page) at the same moment. Each request is timed from send to last byte, waiting for a pooled connection
/// included; a non-2xx answer or a transport error is an error. Lost: acknowledged submissions without a submitted row.
/// </summary>
internal static class LoadRun
{
    private const int Connections = 128;

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

        Log.Say($"Load: {consultees.Count} consultee sessions + {options.PageViews} page views at once, {Connections} connections");
        using var api = new ApiClient(app.BaseAddress, maxConnections: Connections, timeout: TimeSpan.FromSeconds(120));
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

        var go = new TaskCompletionSource();
        var submittedOk = 0;
        var sessions = consultees.Select(async c =>
        {
            await go.Task;
            var path = $"api/responses/{Uri.EscapeDataString(c.Token!)}";
            if (!await TimedAsync(api, latencies, "consultee GET", HttpMethod.Get, path, null, null, null)
                || !await TimedAsync(api, latencies, "consultee PUT", HttpMethod.Put, path, CyclePlan.Answers(c), null, "save-" + c.Email)
                || !await TimedAsync(api, latencies, "consultee submit", HttpMethod.Post, path + "/submit", CyclePlan.Answers(c), null, "submit-" + c.Email))
            {
                return;
            }

            c.Action = ConsulteeAction.Submitted;
            Interlocked.Increment(ref submittedOk);
        }).ToList();
        var views = Enumerable.Range(0, options.PageViews).Select(async i =>
        {
            await go.Task;
            var cycle = plan.Cycles[i % plan.Cycles.Count];
            _ = (i % 3) switch
            {
                0 => await TimedAsync(api, latencies, "page /", HttpMethod.Get, "", null, CyclePlan.Lead, null),
                1 => await TimedAsync(api, latencies, cyclePageKind, HttpMethod.Get, probe.Ok ? $"cycles/{cycle.Id}" : $"api/cycles/{cycle.Id}", null, CyclePlan.Lead, null),
                _ => await TimedAsync(api, latencies, "page /respond", HttpMethod.Get, $"respond/{Uri.EscapeDataString(consultees[(i * 7) % consultees.Count].Token!)}", null, null, null),
            };
        }).ToList();

        var wall = Stopwatch.StartNew();
        go.SetResult();
        await Task.WhenAll(sessions.Concat(views));
        wall.Stop();
        await sampling.CancelAsync();
        await sampler;
        var peak = Math.Max(peakRss, app.PeakMegabytes());

        var tables = new TableServiceClient(StorageConnection.Parse(options.Storage));
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

        var pageKinds = new[] { "page /", "page /respond", cyclePageKind };
        var submitP95 = latencies.Percentile(95, "consultee submit");
        var pageP95 = latencies.Percentile(95, pageKinds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests={latencies.Count} wall_s={wall.Elapsed.TotalSeconds:F1} throughput_rps={latencies.Count / wall.Elapsed.TotalSeconds:F1} submitted_ok={submittedOk} stored_submitted={stored} peak_rss_mb={peak:F0}"));
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
}
