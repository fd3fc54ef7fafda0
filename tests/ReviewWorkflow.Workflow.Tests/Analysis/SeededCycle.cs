using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Tests.Analysis;

/// <summary>
/// A cycle of <c>n</c> consultees built by rules of their index i, so a test can count what a filter must match
/// independently of the code under test: group and audience i % 4; i % 10 == 9 only saved (not sent), i % 10 == 8 never
/// started, every other one submitted; late when i % 7 == 0; pledge 1 view (i / 4) % 4 with "housing" in the comment when
/// i % 5 == 0; pledge 2 answered when i % 3 != 0 with view (i / 2) % 4; general comments when i % 6 == 0.
/// </summary>
internal static class SeededCycle
{
    public const string CycleId = "seeded-2027";

    public static readonly (string Name, Audience Audience)[] Groups =
    [
        ("Voices Matter (Children in Care Council)", Audience.YoungPeople),
        ("Foster carers", Audience.Carers),
        ("Social workers", Audience.Staff),
        ("Health partners", Audience.Partners),
    ];

    public static readonly string[] Pledges = ["A safe, stable home", "Help into work or training", "Someone to talk to"];

    public static ReviewCycleDefinition Definition(int n) => new()
    {
        Id = CycleId,
        Strategy = new Strategy
        {
            Title = "Care Leavers Local Offer 2027-2030",
            Kind = StrategyKind.Pledge,
            OwningService = "Children's Social Care",
            PeriodStart = new DateOnly(2027, 6, 1),
            PeriodEnd = new DateOnly(2030, 5, 31),
            Pledges = Pledges,
        },
        Lead = new Person { Name = "Priya Shah", Email = "lead@council.example" },
        Consultation = new ConsultationPlan
        {
            Opens = new DateOnly(2027, 1, 4),
            Closes = new DateOnly(2027, 2, 1),
            Groups = [.. Groups.Select((g, gi) => new ConsulteeGroup
            {
                Name = g.Name,
                Audience = g.Audience,
                Members = [.. Enumerable.Range(0, n).Where(i => i % 4 == gi).Select(i => new Consultee { Name = Name(i), Email = Email(i) })],
            })],
        },
        DraftingDeadline = new DateOnly(2027, 3, 1),
        Route = [new RouteStep { Body = "Corporate Parenting Panel", MeetingDate = new DateOnly(2027, 4, 12), ClerkEmail = "clerk@council.example" }],
    };

    public static string Name(int i) => $"Consultee {i:D4}";

    public static string Email(int i) => $"c{i:D4}@people.example";

    public static string Id(int i) => ConsulteeId.For(Email(i));

    public static bool Submitted(int i) => i % 10 is not (8 or 9);

    public static bool Saved(int i) => i % 10 == 9;

    public static bool Late(int i) => i % 7 == 0;

    public static PledgeView View1(int i) => (PledgeView)(i / 4 % 4);

    public static bool Answers2(int i) => i % 3 != 0;

    public static PledgeView View2(int i) => (PledgeView)(i / 2 % 4);

    public static bool Housing(int i) => i % 5 == 0;

    public static bool General(int i) => i % 6 == 0;

    public static StoredResponse Stored(int i) => new()
    {
        CycleId = CycleId,
        ConsulteeId = Id(i),
        Status = Submitted(i) ? ResponseStatus.Submitted : ResponseStatus.InProgress,
        Late = Submitted(i) && Late(i),
        SubmittedAt = Submitted(i) ? new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero).AddMinutes(i) : null,
        Content = new ResponseContent
        {
            Answers =
            [
                new PledgeAnswer { Pledge = 1, View = View1(i), Comment = Housing(i) ? $"Housing support matters ({i})" : "Fine as it is" },
                .. Answers2(i) ? [new PledgeAnswer { Pledge = 2, View = View2(i) }] : Array.Empty<PledgeAnswer>(),
            ],
            Comments = General(i) ? "More help with school" : null,
        },
    };

    public static CycleResponses Build(int n, ThemeSet? themes = null, DraftSubmission? draft = null)
    {
        return CycleResponses.From(View(n), Source(n, draft), Consultees(n), StoredAll(n), themes ?? ThemeSet.Empty);
    }

    public static CycleView View(int n)
    {
        var definition = Definition(n);
        return new CycleView
        {
            CycleId = CycleId,
            Title = definition.Strategy.Title,
            Lead = definition.Lead,
            Stage = CycleStage.Drafting,
            ConsultationOpens = definition.Consultation.Opens,
            ConsultationCloses = definition.Consultation.Closes,
            DraftingDeadline = definition.DraftingDeadline,
        };
    }

    public static CycleReportSource Source(int n, DraftSubmission? draft) => new(Definition(n), CouncilSettings.Default, draft, draft is null ? 0 : 1);

    public static List<ConsulteeProgress> Consultees(int n) => [.. Enumerable.Range(0, n).Select(i => new ConsulteeProgress(Id(i), Name(i), Email(i), Groups[i % 4].Name, Groups[i % 4].Audience,
        Submitted(i) ? ResponseStatus.Submitted : Saved(i) ? ResponseStatus.InProgress : ResponseStatus.NotStarted, Late(i), false))];

    public static List<StoredResponse> StoredAll(int n) => [.. Enumerable.Range(0, n).Where(i => Submitted(i) || Saved(i)).Select(Stored)];

    /// <summary>The indexes of the consultees whose response was submitted.</summary>
    public static IEnumerable<int> SubmittedIndexes(int n) => Enumerable.Range(0, n).Where(Submitted);
}
