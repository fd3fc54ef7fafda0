using System.Net;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Tests.Responses;

/// <summary>
/// One Development host (Monday 2 March 2026, 10:00 UK time) with a seeded cycle of <see cref="Consultees"/> consultees
/// led by Priya Shah (lead@council.example) whose responses follow rules of the consultee's index i, so tests count
/// what a filter must match independently of the code: group and audience i % 4; i % 10 == 9 only saved, i % 10 == 8
/// never started, the rest submitted; pledge 1 view (i / 4) % 4, "housing" in its comment when i % 5 == 0; pledge 2
/// answered when i % 3 != 0 with view (i / 2) % 4. Consultee 0 (a young person) wrote hostile text. A second cycle is
/// led by someone else, for the refusals.
/// </summary>
public sealed class ResponsesFixture : IAsyncLifetime
{
    public const int Consultees = 300;
    public const string Lead = "lead@council.example";
    public const string Clerk = "clerk@council.example";
    public const string Admin = "admin@council.example";
    public const string Script = "<script>alert(1)</script>";
    public const string Formula = "=HYPERLINK(\"https://evil.example/\",\"open\")";

    /// <summary>Consultee 0's general comments: a formula at the start, script, CR/LF, right-to-left marks, 10,000 characters
    /// (the most a consultee may write there).</summary>
    public static readonly string HostileComment = (Formula + " " + Script + "\r\nsecond line \u202Egnp.exe\u200F ").PadRight(ResponseLimits.GeneralComments, 'y');

    /// <summary>Consultee 0's comment on pledge 1.</summary>
    public static readonly string HostilePledgeComment = "@SUM(1,2) " + Script;

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static readonly (string Name, Audience Audience)[] Groups =
    [
        ("Voices Matter (Children in Care Council)", Audience.YoungPeople),
        ("Foster carers", Audience.Carers),
        ("Social workers", Audience.Staff),
        ("Health partners", Audience.Partners),
    ];

    public static readonly string[] Pledges = ["Care leavers have a safe, stable home", "Care leavers have help into work, education or training"];

    public WebTestHost Host { get; private set; } = null!;

    public string CycleId { get; private set; } = "";

    /// <summary>A cycle led by Hannah Wright: lead@council.example is a lead, but not this cycle's.</summary>
    public string OtherCycleId { get; private set; } = "";

    public static string Email(int i) => $"c{i:D3}@people.example";

    public static string Id(int i) => ConsulteeId.For(Email(i));

    public static bool Submitted(int i) => i % 10 is not (8 or 9);

    public static bool Saved(int i) => i % 10 == 9;

    public static PledgeView View1(int i) => (PledgeView)(i / 4 % 4);

    public static bool Answers2(int i) => i % 3 != 0;

    public static PledgeView View2(int i) => (PledgeView)(i / 2 % 4);

    public static bool Housing(int i) => i % 5 == 0;

    public static IEnumerable<int> SubmittedIndexes => Enumerable.Range(0, Consultees).Where(Submitted);

    public static ResponseContent Content(int i) => new()
    {
        Answers =
        [
            new PledgeAnswer { Pledge = 1, View = View1(i), Comment = i == 0 ? HostilePledgeComment : Housing(i) ? $"Housing support matters ({i})" : "Fine as it is" },
            .. Answers2(i) ? [new PledgeAnswer { Pledge = 2, View = View2(i) }] : Array.Empty<PledgeAnswer>(),
        ],
        Comments = i == 0 ? HostileComment : null,
    };

    public HttpClient As(string? email) => email is null ? Host.NewClient() : LeadPages.LeadCycle.SignedIn(Host, email);

    public async Task InitializeAsync()
    {
        Host = await WebTestHost.StartAsync("Development", start: Start);
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        CycleId = await StartAsync(Definition(today, "Care Leavers Local Offer 2027-2030", new Person { Name = "Priya Shah", Email = Lead }, Consultees));
        OtherCycleId = await StartAsync(Definition(today, "Short Breaks Statement 2027", new Person { Name = "Hannah Wright", Email = "hannah.wright@council.example" }, 4));
        await WaitForConsulteesAsync(CycleId, Consultees);
        await WaitForConsulteesAsync(OtherCycleId, 4);

        var rules = await Host.Cycles.GetResponseRulesAsync(CycleId) ?? throw new InvalidOperationException("no rules");
        var store = Host.Services.GetRequiredService<ResponseStore>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Consultees).Where(i => Submitted(i) || Saved(i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var outcome = Submitted(i)
                ? await store.SubmitAsync(CycleId, Id(i), Email(i), null, rules, Content(i), "seed-" + i, cancellationToken: ct)
                : await store.SaveAsync(CycleId, Id(i), Content(i), Email(i), null, rules, cancellationToken: ct);
            Assert.True(outcome.Succeeded, outcome.Message);
        });
        var other = await Host.Cycles.GetResponseRulesAsync(OtherCycleId) ?? throw new InvalidOperationException("no rules");
        Assert.True((await store.SubmitAsync(OtherCycleId, ConsulteeId.For("o0@people.example"), "o0@people.example", null, other, Content(1), "seed-other")).Succeeded);
    }

    private async Task<string> StartAsync(ReviewCycleDefinition definition)
    {
        var result = await Host.Cycles.StartCycleAsync(definition, new Actor(definition.Lead.Email, AuditRole.Lead), "req-start", Guid.NewGuid().ToString("N"));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.CycleId!;
    }

    private async Task WaitForConsulteesAsync(string id, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while ((await Host.Cycles.GetConsulteesAsync(id)).Count < count)
        {
            await Task.Delay(250, timeout.Token);
        }
    }

    private static ReviewCycleDefinition Definition(DateOnly today, string title, Person lead, int consultees) => new()
    {
        Strategy = new Strategy
        {
            Title = title,
            Kind = StrategyKind.Pledge,
            OwningService = "Children's Social Care",
            PeriodStart = today.AddMonths(6),
            PeriodEnd = today.AddMonths(6).AddYears(3).AddDays(-1),
            Pledges = Pledges,
        },
        Lead = lead,
        Consultation = new ConsultationPlan
        {
            Opens = today,
            Closes = today.AddDays(14),
            Groups = [.. Groups.Select((g, gi) => new ConsulteeGroup
            {
                Name = g.Name,
                Audience = g.Audience,
                Members = [.. Enumerable.Range(0, consultees).Where(i => i % 4 == gi)
                    .Select(i => new Consultee { Name = $"Consultee {i:D3}", Email = consultees == Consultees ? Email(i) : $"o{i}@people.example" })],
            })],
        },
        DraftingDeadline = today.AddDays(28),
        Route =
        [
            new RouteStep { Body = "Corporate Parenting Panel", MeetingDate = today.AddDays(70), ClerkEmail = Clerk },
            new RouteStep { Body = "Cabinet", MeetingDate = today.AddDays(91), ClerkEmail = Clerk },
        ],
    };

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ResponsesGroup : ICollectionFixture<ResponsesFixture>
{
    public const string Name = "Responses";
}
