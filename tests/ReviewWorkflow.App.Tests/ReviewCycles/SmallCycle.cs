using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.App.Tests.ReviewCycles;

/// <summary>
/// A small cycle in the spring 2026 calendar: two groups, three consultees, Corporate Parenting Panel (1 April) →
/// Cabinet (15 April). Everything is still possible on <see cref="Start"/> (Monday 2 March 2026, 10:00 UK time, after the
/// 09:00 send time, so the requests go at once).
/// </summary>
internal static class SmallCycle
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly PanelMeets = new(2026, 4, 1);

    public static readonly DateOnly CabinetMeets = new(2026, 4, 15);

    public const string Panel = "Corporate Parenting Panel";

    public const string Cabinet = "Cabinet";

    public static readonly Actor Lead = new("lead@council.example", AuditRole.Lead);

    public static readonly Actor Clerk = new("clerk@council.example", AuditRole.Clerk);

    public static readonly IReadOnlyList<Consultee> Consultees =
    [
        new() { Name = "Riley", Email = "riley@young.example" },
        new() { Name = "Casey", Email = "casey@young.example" },
        new() { Name = "Pat Carer", Email = "pat@carers.example" },
    ];

    public static ReviewCycleDefinition Definition(string id) => new()
    {
        Id = id,
        Strategy = new Strategy
        {
            Title = "Care Leavers Local Offer 2026-2029",
            Kind = StrategyKind.Pledge,
            OwningService = "Children's Social Care",
            PeriodStart = new DateOnly(2026, 6, 1),
            PeriodEnd = new DateOnly(2029, 5, 31),
            Pledges = ["Care leavers have a safe, stable home", "Care leavers have help into work, education or training"],
        },
        Lead = new Person { Name = "Alex Example", Email = Lead.Email },
        Consultation = new ConsultationPlan
        {
            Opens = new DateOnly(2026, 3, 2),
            Closes = new DateOnly(2026, 3, 13),
            Groups =
            [
                Group("Voices Matter (Children in Care Council)", Audience.YoungPeople, Consultees[0], Consultees[1]),
                Group("Foster carers", Audience.Carers, Consultees[2]),
            ],
        },
        DraftingDeadline = new DateOnly(2026, 3, 20),
        Route =
        [
            new RouteStep { Body = Panel, MeetingDate = PanelMeets, ClerkEmail = Clerk.Email },
            new RouteStep { Body = Cabinet, MeetingDate = CabinetMeets, ClerkEmail = Clerk.Email },
        ],
    };

    public static DraftSubmission Draft { get; } = new()
    {
        Version = "1.0",
        DocumentUrl = "https://docs.council.example/local-offer-1.0.docx",
        YouSaidWeDid = [new YouSaidWeDid { Theme = "Pledge 1: a safe, stable home", YouSaid = "Help with the first tenancy.", WeDid = "A setting-up-home grant and a named housing officer." }],
    };

    public static CommitteeDecision Decision(string body, DateOnly meeting, DecisionOutcome outcome) => new()
    {
        Body = body,
        MeetingDate = meeting,
        Outcome = outcome,
        AgendaItem = "7",
        MinuteReference = $"{body[..3].ToUpperInvariant()}/{meeting:yyyy}/{meeting.DayOfYear}",
        Resolution = $"{body} resolved: {outcome}.",
    };

    /// <summary>A UK midday on <paramref name="day"/> (BST from 29 March 2026).</summary>
    public static DateTimeOffset Midday(DateOnly day) => new(day, new TimeOnly(11, 0), TimeSpan.Zero);

    public static async Task<CycleResult> OkAsync(this Task<CycleResult> call)
    {
        var result = await call;
        Assert.True(result.Kind == CycleResultKind.Accepted, $"{result.Kind}: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result;
    }

    private static ConsulteeGroup Group(string name, Audience audience, params Consultee[] members) => new()
    {
        Name = name,
        Audience = audience,
        Members = members,
        Questions = new Questions { General = ["What should the offer promise that it does not?"] },
    };
}
