using System.Text.RegularExpressions;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary>
/// A small pledge cycle in the spring 2026 calendar (two young people, one foster carer), started through the façade,
/// with each consultee's personal link taken from the consultation request in the local outbox. Each test starts its
/// own cycle (ids unique per call), so tests sharing a host never touch each other's responses.
/// </summary>
internal sealed partial record ConsulteeCycle(WebTestHost Host, string CycleId, string Riley, string Casey, string Pat)
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Closes = new(2026, 3, 13);

    public const string RileyEmail = "riley@young.example";
    public const string CaseyEmail = "casey@young.example";
    public const string PatEmail = "pat@carers.example";

    public static readonly IReadOnlyList<string> Pledges = ["Care leavers have a safe, stable home", "Care leavers have help into work, education or training"];

    public static string Id(string email) => ConsulteeId.For(email);

    /// <summary>For a host started at the real time (the browser fixture's): moves its clock to the next Monday 10:00 UTC
    /// (after the 09:00 send time) and returns how many weeks after <see cref="Start"/> that is, to pass to <see cref="StartAsync"/>.</summary>
    public static int JumpToNextMonday(WebTestHost host)
    {
        var now = host.Clock.GetUtcNow();
        var days = ((int)DayOfWeek.Monday - (int)now.DayOfWeek + 7) % 7;
        var monday = new DateTimeOffset(now.UtcDateTime.Date.AddDays(days == 0 ? 7 : days).AddHours(10), TimeSpan.Zero);
        host.Clock.JumpTo(monday);
        return (monday - Start).Days / 7;
    }

    /// <summary>Starts the cycle, its dates <paramref name="weeks"/> weeks after the spring 2026 calendar.</summary>
    public static async Task<ConsulteeCycle> StartAsync(WebTestHost host, int weeks = 0)
    {
        var id = "cyc-" + Guid.NewGuid().ToString("N")[..12];
        var result = await host.Cycles.StartCycleAsync(Definition(id, weeks), new Actor("lead@council.example", AuditRole.Lead), "test", "start-" + id);
        Assert.True(result.Kind == CycleResultKind.Accepted, $"{result.Kind}: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var links = await LinksAsync(host, id);
        return new ConsulteeCycle(host, id, links[RileyEmail], links[CaseyEmail], links[PatEmail]);
    }

    public Task<StoredResponse?> StoredAsync(string email) => Host.Services.GetRequiredService<ResponseStore>().GetAsync(CycleId, Id(email));

    /// <summary>Waits for the consultation requests and returns each consultee's token from the emailed link.</summary>
    internal static async Task<Dictionary<string, string>> LinksAsync(WebTestHost host, string cycleId, int expected = 3)
    {
        var outbox = host.Services.GetRequiredService<IOutbox>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var message in await outbox.ListAsync())
            {
                if (message.CustomArgs.Values.Contains(cycleId) || message.IdempotencyKey.Contains(cycleId, StringComparison.Ordinal))
                {
                    foreach (var link in message.Links)
                    {
                        if (RespondLink().Match(link) is { Success: true } match)
                        {
                            found[message.To] = match.Groups[1].Value;
                        }
                    }
                }
            }

            if (found.Count == expected)
            {
                return found;
            }

            Assert.False(timeout.IsCancellationRequested, $"Waited 2 minutes for the consultation requests of {cycleId}; found {found.Count}.");
            await Task.Delay(200);
        }
    }

    private static ReviewCycleDefinition Definition(string id, int weeks) => new()
    {
        Id = id,
        Strategy = new Strategy
        {
            Title = "Care Leavers Local Offer 2026-2029",
            Kind = StrategyKind.Pledge,
            OwningService = "Children's Social Care",
            PeriodStart = new DateOnly(2026, 6, 1).AddDays(7 * weeks),
            PeriodEnd = new DateOnly(2029, 5, 31).AddDays(7 * weeks),
            Pledges = Pledges,
        },
        Lead = new Person { Name = "Alex Example", Email = "lead@council.example" },
        Consultation = new ConsultationPlan
        {
            Opens = new DateOnly(2026, 3, 2).AddDays(7 * weeks),
            Closes = Closes.AddDays(7 * weeks),
            Groups =
            [
                new ConsulteeGroup
                {
                    Name = "Voices Matter (Children in Care Council)",
                    Audience = Audience.YoungPeople,
                    Members = [new() { Name = "Riley", Email = RileyEmail }, new() { Name = "Casey", Email = CaseyEmail }],
                    Questions = new Questions { General = ["What should the offer promise that it does not?"], PerPledge = [new PledgeQuestion { Pledge = 1, Text = "What would make a home feel safe?" }] },
                },
                new ConsulteeGroup
                {
                    Name = "Foster carers",
                    Audience = Audience.Carers,
                    Members = [new() { Name = "Pat Carer", Email = PatEmail }],
                    Questions = new Questions { General = ["What support do carers need to help young people leave care well?"] },
                },
            ],
        },
        DraftingDeadline = new DateOnly(2026, 3, 20).AddDays(7 * weeks),
        Route =
        [
            new RouteStep { Body = "Corporate Parenting Panel", MeetingDate = new DateOnly(2026, 4, 15).AddDays(7 * weeks), ClerkEmail = "clerk@council.example" },
            new RouteStep { Body = "Cabinet", MeetingDate = new DateOnly(2026, 4, 29).AddDays(7 * weeks), ClerkEmail = "clerk@council.example" },
        ],
    };

    [GeneratedRegex(@"/respond/([A-Za-z0-9_\-\.]+)")]
    private static partial Regex RespondLink();
}
