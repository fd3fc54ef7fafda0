using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewWorkflow.App;
using ReviewWorkflow.App.Hosting;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

/// <summary>
/// The responses page and API end to end: the whole app (<see cref="ReviewWorkflowApp.Create"/>) on Kestrel at
/// 127.0.0.1, on the Azurite whose connection string is given; a cycle of 2,000 consultees started through the façade;
/// 2,000 responses submitted through <see cref="ResponseStore"/> (Azure.Data.Tables); then each request timed over
/// HTTP as the lead: one partition query of the responses, the cycle's reads, filtering, paging and rendering.
/// </summary>
internal static class EndToEnd
{
    private const string Lead = "lead@council.example";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    private static readonly string[] Words = ["housing", "school", "social worker", "respite", "health", "money", "friends", "family time"];

    public static async Task RunAsync(string storage, int count, int runs)
    {
        var ci = CultureInfo.InvariantCulture;
        var work = Directory.CreateTempSubdirectory("rw-responses-bench-");
        try
        {
            await using var app = ReviewWorkflowApp.Create(["--urls", "http://127.0.0.1:0", "--environment", "Development", "--contentRoot", work.FullName], builder =>
            {
                builder.Logging.ClearProviders();
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["AzureWebJobsStorage"] = storage,
                    ["FUNCTIONS_CUSTOMHANDLER_PORT"] = null,
                    ["Durable:AzureStorage:TaskHubName"] = "bench" + Guid.NewGuid().ToString("N")[..12],
                    ["Email:SendGridApiKey"] = "",
                    ["Email:OutboxPath"] = Path.Combine(work.FullName, "outbox"),
                    ["Workflow:LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                    ["Demo:SeedData"] = "false",
                    ["Web:ConsulteeRateLimit:Enabled"] = "false",
                });
                builder.Services.AddSingleton<TimeProvider>(new OffsetClock(Start));
            });
            await app.StartAsync();
            using (var ready = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            {
                await app.Services.GetRequiredService<DurableStoreInitializer>().EnsureAsync(ready.Token);
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var seed = Stopwatch.StartNew();
            var cycleId = await SeedAsync(app.Services, count);
            var seeded = seed.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(ci, $"Seeded cycle {cycleId}: {count} consultees, {count} submitted responses in Table Storage, in {seeded:F1} s"));

            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add("X-Dev-User", Lead);
            var requests = new (string Key, string Name, string Path, string Expect)[]
            {
                ("page", "page, no filter", $"/cycles/{cycleId}/responses", string.Create(ci, $"of {count}</h2>")),
                ("page_search", "page, text search", $"/cycles/{cycleId}/responses?q=housing", "match your filters"),
                ("api", "API JSON, page 1", $"/api/cycles/{cycleId}/responses", "\"matched\""),
                ("csv", "API CSV, every response", $"/api/cycles/{cycleId}/responses?format=csv", "housing"),
            };
            Console.WriteLine();
            Console.WriteLine(string.Create(ci, $"End to end over HTTP ({runs} runs each after 3 warm-ups):"));
            Console.WriteLine("| request | bytes | median ms | p95 ms |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            var figures = new List<string> { string.Create(ci, $"responses={count}") };
            var store = app.Services.GetRequiredService<ResponseStore>();
            var (queryMedian, queryP95) = await TimeQueryAsync(store, cycleId, count, runs);
            Console.WriteLine(string.Create(ci, $"| storage query alone (ResponseStore.ListAsync, in process) | - | {queryMedian:F1} | {queryP95:F1} |"));
            figures.Add(string.Create(ci, $"query_median_ms={queryMedian:F1} query_p95_ms={queryP95:F1}"));
            foreach (var (key, name, path, expect) in requests)
            {
                var (median, p95, bytes) = await TimeAsync(http, path, expect, runs);
                Console.WriteLine(string.Create(ci, $"| {name} | {bytes:N0} | {median:F1} | {p95:F1} |"));
                figures.Add(string.Create(ci, $"{key}_median_ms={median:F1} {key}_p95_ms={p95:F1}"));
            }

            Console.WriteLine();
            Console.WriteLine("RESULT " + string.Join(' ', figures) + string.Create(ci, $" seed_s={seeded:F1}"));
            await app.StopAsync();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The one partition query the page makes for the responses (2 pages of 1,000 entities from the service).</summary>
    private static async Task<(double Median, double P95)> TimeQueryAsync(ResponseStore store, string cycleId, int count, int runs)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs + 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var all = await store.ListAsync(cycleId);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            if (all.Count != count)
            {
                throw new InvalidOperationException($"The query returned {all.Count} responses, not {count}.");
            }

            if (i >= 3)
            {
                times.Add(elapsed);
            }
        }

        times.Sort();
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]);
    }

    private static async Task<(double Median, double P95, long Bytes)> TimeAsync(HttpClient http, string path, string expect, int runs)
    {
        long bytes = 0;
        var times = new List<double>(runs);
        for (var i = 0; i < runs + 3; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = watch.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode || !body.Contains(expect, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} without '{expect}': {body[..Math.Min(body.Length, 500)]}");
            }

            bytes = body.Length;
            if (i >= 3)
            {
                times.Add(elapsed);
            }
        }

        times.Sort();
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)], bytes);
    }

    /// <summary>Starts the cycle (four groups sharing the consultees), waits for its consultees, and submits a response
    /// of about 1 KB for each (six pledges with a comment on each, general comments), 16 at a time.</summary>
    private static async Task<string> SeedAsync(IServiceProvider services, int count)
    {
        var cycles = services.GetRequiredService<ReviewCycleService>();
        var id = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var result = await cycles.StartCycleAsync(Definition(id, count), new Actor(Lead, AuditRole.Lead), "bench", "start-" + id);
        if (result.Kind != CycleResultKind.Accepted)
        {
            throw new InvalidOperationException($"The cycle was not started: {result.Kind} " + string.Join("; ", result.Errors.Select(e => e.Message)));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        IReadOnlyList<ConsulteeProgress> consultees = [];
        while (consultees.Count < count)
        {
            timeout.Token.ThrowIfCancellationRequested();
            await Task.Delay(500, timeout.Token);
            consultees = await cycles.GetConsulteesAsync(id, timeout.Token);
        }

        var rules = (await cycles.GetConsulteeFormAsync(id, consultees[0].Id, timeout.Token))!.Rules;
        var store = services.GetRequiredService<ResponseStore>();
        await Parallel.ForEachAsync(consultees.Select((c, i) => (c, i)), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = timeout.Token }, async (item, ct) =>
        {
            var outcome = await store.SubmitAsync(id, item.c.Id, item.c.Name, null, rules, Content(item.i), "bench-" + item.c.Id, cancellationToken: ct);
            if (outcome.Kind != ResponseOutcomeKind.Submitted)
            {
                throw new InvalidOperationException($"Response {item.i} was not stored: {outcome.Kind} {outcome.Message}");
            }
        });
        return id;
    }

    private static ResponseContent Content(int i) => new()
    {
        Answers = [.. Enumerable.Range(1, 6).Select(p => new PledgeAnswer
        {
            Pledge = p,
            View = (PledgeView)((i + p) % 4),
            Comment = $"My view on this pledge is about {Words[(i + p) % Words.Length]}; it matters because of what happened last year and what I want next.",
        })],
        Comments = "General comments of a typical length, written by someone who cares about this strategy.",
    };

    private static ReviewCycleDefinition Definition(string id, int count) => new()
    {
        Id = id,
        Strategy = new Strategy
        {
            Title = "Benchmark Local Offer 2026-2029",
            Kind = StrategyKind.Pledge,
            OwningService = "Children's Social Care",
            PeriodStart = new DateOnly(2026, 6, 1),
            PeriodEnd = new DateOnly(2029, 5, 31),
            Pledges = [.. Enumerable.Range(1, 6).Select(p => $"Pledge {p}: a promise to children in care")],
        },
        Lead = new Person { Name = "Alex Example", Email = Lead },
        Consultation = new ConsultationPlan
        {
            Opens = new DateOnly(2026, 3, 2),
            Closes = new DateOnly(2026, 3, 27),
            Groups = [.. Enum.GetValues<Audience>().Select((audience, g) => new ConsulteeGroup
            {
                Name = $"{audience} group",
                Audience = audience,
                Members = [.. Enumerable.Range(0, count).Where(i => i % 4 == g).Select(i => new Consultee
                {
                    Name = $"Consultee {i}",
                    Email = $"c{i:D5}@people.example",
                    Organisation = audience == Audience.Partners ? "Northbridge Partners" : null,
                })],
            })],
        },
        DraftingDeadline = new DateOnly(2026, 4, 3),
        Route =
        [
            new RouteStep { Body = "Corporate Parenting Panel", MeetingDate = new DateOnly(2026, 4, 22), ClerkEmail = "clerk@council.example" },
            new RouteStep { Body = "Cabinet", MeetingDate = new DateOnly(2026, 5, 6), ClerkEmail = "clerk@council.example" },
        ],
    };
}
