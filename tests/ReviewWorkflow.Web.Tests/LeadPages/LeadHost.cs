using System.Net;
using System.Text.RegularExpressions;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Web.Tests.LeadPages;

/// <summary>
/// One Development host for the lead's page tests, its clock on Monday 2 March 2026, 10:00 UK time (after the 09:00 send
/// time, so a cycle opening that day sends its requests at once).
/// </summary>
public sealed class LeadHost : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public WebTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await WebTestHost.StartAsync("Development", start: Start);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>A small valid cycle opening on <c>today</c>, the form fields that make it, and signed-in clients that keep cookies.</summary>
internal static partial class LeadCycle
{
    public static readonly Actor Lead = new("lead@council.example", AuditRole.Lead);

    public static ReviewCycleDefinition Definition(DateOnly today, string title = "Care Leavers Local Offer 2027-2030") => new()
    {
        Strategy = new Strategy
        {
            Title = title,
            Kind = StrategyKind.Pledge,
            OwningService = "Children's Social Care",
            PeriodStart = today.AddMonths(6),
            PeriodEnd = today.AddMonths(6).AddYears(3).AddDays(-1),
            Pledges = ["Care leavers have a safe, stable home", "Care leavers have help into work, education or training"],
        },
        Lead = new Person { Name = "Priya Shah", Email = Lead.Email },
        Consultation = new ConsultationPlan
        {
            Opens = today,
            Closes = today.AddDays(14),
            Groups =
            [
                new ConsulteeGroup { Name = "Voices Matter (Children in Care Council)", Audience = Audience.YoungPeople, Members = [new() { Name = "Riley", Email = "riley@young.example" }, new() { Name = "Casey", Email = "casey@young.example" }] },
                new ConsulteeGroup { Name = "Foster carers", Audience = Audience.Carers, Members = [new() { Name = "Pat Carer", Email = "pat@carers.example" }] },
            ],
        },
        DraftingDeadline = today.AddDays(28),
        Route =
        [
            new RouteStep { Body = "Corporate Parenting Panel", MeetingDate = today.AddDays(70), ClerkEmail = "clerk@council.example" },
            new RouteStep { Body = "Cabinet", MeetingDate = today.AddDays(91), ClerkEmail = "clerk@council.example" },
        ],
    };

    /// <summary>The "Start a review" form for <see cref="Definition"/>.</summary>
    public static Dictionary<string, string> Form(DateOnly today, string title, string key) => new()
    {
        ["Form.Title"] = title,
        ["Form.Kind"] = "pledge",
        ["Form.OwningService"] = "Children's Social Care",
        ["Form.PeriodStart"] = Iso(today.AddMonths(6)),
        ["Form.PeriodEnd"] = Iso(today.AddMonths(6).AddYears(3).AddDays(-1)),
        ["Form.Pledges"] = "Care leavers have a safe, stable home\nCare leavers have help into work, education or training",
        ["Form.LeadName"] = "Priya Shah",
        ["Form.LeadEmail"] = "lead@council.example",
        ["Form.Opens"] = Iso(today),
        ["Form.Closes"] = Iso(today.AddDays(14)),
        ["Form.Groups[0].Name"] = "Voices Matter (Children in Care Council)",
        ["Form.Groups[0].Audience"] = "young-people",
        ["Form.Groups[0].Members"] = "Riley <riley@young.example>\nCasey, casey@young.example",
        ["Form.Groups[1].Name"] = "Foster carers",
        ["Form.Groups[1].Audience"] = "carers",
        ["Form.Groups[1].Members"] = "Pat Carer <pat@carers.example>",
        ["Form.DraftingDeadline"] = Iso(today.AddDays(28)),
        ["Form.Route[0].Body"] = "Corporate Parenting Panel",
        ["Form.Route[0].MeetingDate"] = Iso(today.AddDays(70)),
        ["Form.Route[1].Body"] = "Cabinet",
        ["Form.Route[1].MeetingDate"] = Iso(today.AddDays(91)),
        ["Form.Route[1].KeyDecision"] = "true",
        ["Form.IdempotencyKey"] = key,
    };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A client signed in as <paramref name="email"/> (header) that keeps the antiforgery cookie.</summary>
    public static HttpClient SignedIn(WebTestHost host, string email)
    {
        var client = host.NewClient(new CookieContainer());
        client.DefaultRequestHeaders.Add("X-Dev-User", email);
        return client;
    }

    /// <summary>GETs <paramref name="path"/> and POSTs <paramref name="fields"/> to <paramref name="action"/> with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string action, IDictionary<string, string> fields)
    {
        var token = Forms.AntiforgeryToken(await client.GetStringAsync(path));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
        return await client.PostAsync(action, form);
    }

    public static async Task<string> StartAsync(WebTestHost host, string title = "Care Leavers Local Offer 2027-2030")
    {
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var result = await host.Cycles.StartCycleAsync(Definition(today, title), Lead, "req-start", Guid.NewGuid().ToString("N"));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.CycleId!;
    }

    /// <summary>Waits (up to 30 s) until the cycle's running orchestration has reached <paramref name="check"/>.</summary>
    public static async Task<CycleView> WaitForAsync(WebTestHost host, string id, Func<CycleView, bool> check)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var view = await host.Cycles.GetCycleAsync(id);
            if (view is not null && check(view))
            {
                return view;
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    public static string CycleIdFrom(Uri? location)
    {
        var match = CycleLocation().Match(location?.OriginalString ?? "");
        Assert.True(match.Success, $"Not a cycle page: {location}");
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }

    [GeneratedRegex(@"^/cycles/([^/?#]+)")]
    private static partial Regex CycleLocation();
}
