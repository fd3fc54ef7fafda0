using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.App.Demo;

/// <summary>
/// The demo's two review cycles of the imaginary Northbridge Council (a Rutland-like children's services): the Children
/// in Care and Care Leavers Strategy in consultation, and the Children in Care Pledge awaiting the Corporate Parenting
/// Panel (then Cabinet, a key decision, then Full Council). Everyone is fictional and in the local demo directory. Dates
/// are set from the day the demo is first seeded; ids and idempotency keys are fixed, so seeding twice does nothing.
/// </summary>
public static class DemoCycles
{
    public const string StrategyCycleId = "demo-cicl-strategy";

    public const string PledgeCycleId = "demo-cic-pledge";

    public const string Panel = "Corporate Parenting Panel";

    public const string Cabinet = "Cabinet";

    public const string FullCouncil = "Full Council";

    public static readonly Actor Lead = new("lead@council.example", AuditRole.Lead);

    public const string ClerkEmail = "clerk@council.example";

    /// <summary>Rutland's six pledges (DOMAIN.md), as Northbridge's strategy priorities.</summary>
    public static readonly IReadOnlyList<string> Pledges =
    [
        "Children looked after and care leavers are happy and have good health and wellbeing",
        "They are safe, and in safe and stable placements",
        "They achieve their potential and have access to good education, training and employment",
        "They are prepared for adulthood",
        "They are listened to and supported to participate in society",
        "They build positive relationships",
    ];

    /// <summary>The strategy review, opened today and consulting for four weeks.</summary>
    public static ReviewCycleDefinition Strategy(DateOnly today, CouncilSettings settings)
    {
        var closes = today.AddDays(28);
        var deadline = closes.AddDays(21);
        var route = Route(deadline, settings, today);
        return new ReviewCycleDefinition
        {
            Id = StrategyCycleId,
            Strategy = new Strategy
            {
                Title = $"Children in Care and Care Leavers Strategy {today.Year + 1}-{today.Year + 4}",
                Kind = StrategyKind.Strategy,
                OwningService = "Children's Social Care",
                PeriodStart = new DateOnly(today.Year + 1, 4, 1),
                PeriodEnd = new DateOnly(today.Year + 4, 3, 31),
                Pledges = Pledges,
            },
            Lead = new Person { Name = "Priya Shah", Email = Lead.Email },
            TaskAndFinishGroup =
            [
                new Person { Name = "Daniel Osei", Email = "daniel.osei@council.example" },
                new Person { Name = "Fiona Reid", Email = "fiona.reid@virtualschool.council.example" },
            ],
            Consultation = new ConsultationPlan { Opens = today, Closes = closes, Groups = Groups() },
            DraftingDeadline = deadline,
            Route = route,
        };
    }

    /// <summary>The pledge review: its consultation is closed early and its draft submitted while seeding, so it waits
    /// for the Corporate Parenting Panel.</summary>
    public static ReviewCycleDefinition Pledge(DateOnly today, CouncilSettings settings)
    {
        var closes = today.AddDays(7);
        var deadline = closes.AddDays(7);
        return new ReviewCycleDefinition
        {
            Id = PledgeCycleId,
            Strategy = new Strategy
            {
                Title = $"Children in Care Pledge {today.Year + 1}-{today.Year + 3}",
                Kind = StrategyKind.Pledge,
                OwningService = "Children's Social Care",
                PeriodStart = new DateOnly(today.Year + 1, 1, 1),
                PeriodEnd = new DateOnly(today.Year + 3, 12, 31),
                Pledges =
                [
                    "We will make sure you know why you are in care",
                    "We will support you to achieve your goals, in school and in your hobbies",
                    "We will keep you safe and in a placement where you are happy",
                    "We will listen to you, show you respect and keep you updated on your care plan",
                    "We will support you into adulthood and stay in touch until you are 25",
                ],
            },
            Lead = new Person { Name = "Priya Shah", Email = Lead.Email },
            Consultation = new ConsultationPlan
            {
                Opens = today,
                Closes = closes,
                Groups = [.. Groups().Where(g => g.Audience is Audience.YoungPeople or Audience.Carers)],
            },
            DraftingDeadline = deadline,
            Route = Route(deadline, settings, today),
        };
    }

    /// <summary>Panel → Cabinet (key decision) → Full Council, on weekdays, leaving time to publish after the drafting
    /// deadline and to give the key decision's notice from today.</summary>
    private static IReadOnlyList<RouteStep> Route(DateOnly draftingDeadline, CouncilSettings settings, DateOnly today)
    {
        var panel = Next(DayOfWeek.Wednesday, ClearDays.EarliestMeetingAfter(draftingDeadline, settings.PublicationClearDays, settings).AddDays(1));
        var cabinet = Next(DayOfWeek.Tuesday, panel.AddDays(7));
        while (ClearDays.KeyDecisionNoticeDate(cabinet, settings) < today)
        {
            cabinet = cabinet.AddDays(7);
        }

        var council = Next(DayOfWeek.Thursday, cabinet.AddDays(14));
        return
        [
            new RouteStep { Body = Panel, MeetingDate = panel, MeetingTime = new TimeOnly(18, 0), ClerkEmail = ClerkEmail },
            new RouteStep { Body = Cabinet, MeetingDate = cabinet, MeetingTime = new TimeOnly(10, 0), KeyDecision = true, ClerkEmail = ClerkEmail },
            new RouteStep { Body = FullCouncil, MeetingDate = council, MeetingTime = new TimeOnly(19, 0), ClerkEmail = ClerkEmail },
        ];
    }

    private static DateOnly Next(DayOfWeek day, DateOnly from)
    {
        while (from.DayOfWeek != day)
        {
            from = from.AddDays(1);
        }

        return from;
    }

    private static IReadOnlyList<ConsulteeGroup> Groups() =>
    [
        new ConsulteeGroup
        {
            Name = "Voices Matter (Children in Care Council)",
            Audience = Audience.YoungPeople,
            Members =
            [
                new Consultee { Name = "Aisha K", Email = "aisha.k@voices.council.example" },
                new Consultee { Name = "Jordan M", Email = "jordan.m@voices.council.example" },
                new Consultee { Name = "Kai T", Email = "kai.t@voices.council.example" },
                new Consultee { Name = "Lily R", Email = "lily.r@voices.council.example" },
                new Consultee { Name = "Ellis B", Email = "ellis.b@voices.council.example" },
            ],
            Questions = new Questions { General = ["What would make being in care better for you?", "What should we stop doing?"] },
        },
        new ConsulteeGroup
        {
            Name = "Foster carers and supported lodgings hosts",
            Audience = Audience.Carers,
            Members =
            [
                new Consultee { Name = "Sam Okafor", Email = "sam.okafor@carers.example" },
                new Consultee { Name = "Bernadette Collins", Email = "bernadette.collins@carers.example" },
                new Consultee { Name = "Gareth and Julie Price", Email = "the.prices@carers.example" },
                new Consultee { Name = "Nadia Hussain", Email = "nadia.hussain@carers.example" },
                new Consultee { Name = "Oliver Grant", Email = "oliver.grant@carers.example" },
            ],
            Questions = new Questions { General = ["What support would help you keep placements stable?"] },
        },
        new ConsulteeGroup
        {
            Name = "Children's services staff",
            Audience = Audience.Staff,
            Members =
            [
                new Consultee { Name = "Hannah Wright", Email = "hannah.wright@council.example" },
                new Consultee { Name = "Daniel Osei", Email = "daniel.osei@council.example" },
                new Consultee { Name = "Chloe Evans", Email = "chloe.evans@council.example" },
                new Consultee { Name = "Ravi Patel", Email = "ravi.patel@council.example" },
            ],
            Questions = new Questions { General = ["Which priority is hardest to deliver today, and why?"] },
        },
        new ConsulteeGroup
        {
            Name = "Partners: health, police, education, housing, youth justice, advocacy",
            Audience = Audience.Partners,
            Members =
            [
                new Consultee { Name = "Dr Helen Marsh", Email = "helen.marsh@health.example", Organisation = "Northbridge Integrated Care Board" },
                new Consultee { Name = "DS Mark Fielding", Email = "mark.fielding@police.example", Organisation = "Northbridge Police" },
                new Consultee { Name = "Fiona Reid", Email = "fiona.reid@virtualschool.council.example", Organisation = "Virtual School" },
                new Consultee { Name = "Joe Adeyemi", Email = "joe.adeyemi@housing.example", Organisation = "Northbridge Homes" },
                new Consultee { Name = "Sarah Quinn", Email = "sarah.quinn@youthjustice.council.example", Organisation = "Youth Justice Service" },
                new Consultee { Name = "Carol Dunn", Email = "carol.dunn@voluntary.example", Organisation = "Northbridge Advocacy" },
            ],
            Questions = new Questions { General = ["How can your service help deliver these priorities?"] },
        },
    ];

    /// <summary>Demo responses: (consultee email, contributor, content, submit?). Some submitted, some only saved.</summary>
    public static IReadOnlyList<DemoResponse> Responses(int pledgeCount) =>
    [
        new("aisha.k@voices.council.example", "Aisha", Answers(pledgeCount, PledgeView.Partly, "I had four social workers in two years. Please keep the same one."), "More say in who we live with.", Submit: true),
        new("lily.r@voices.council.example", "Lily", Answers(pledgeCount, PledgeView.Agree, "The setting-up-home grant helped me a lot."), "Keep the drop-in at the youth centre on Fridays.", Submit: true),
        new("sam.okafor@carers.example", "Sam Okafor", Answers(pledgeCount, PledgeView.Partly, "Respite is hard to get at short notice."), "Carers need the plan before a child arrives.", Submit: true),
        new("helen.marsh@health.example", "Dr Helen Marsh", Answers(pledgeCount, PledgeView.Agree, "Health assessments within 20 working days should be a measure."), null, Submit: true),
        new("jordan.m@voices.council.example", "Jordan", Answers(pledgeCount, PledgeView.DontKnow, null), "Still thinking about this one.", Submit: false),
        new("hannah.wright@council.example", "Hannah Wright", Answers(pledgeCount, PledgeView.Agree, "Reviews should be held where the child chooses."), null, Submit: false),
    ];

    private static ResponseContent Answers(int pledgeCount, PledgeView view, string? comment) => new()
    {
        Answers = [.. Enumerable.Range(1, Math.Min(pledgeCount, 3)).Select(p => new PledgeAnswer { Pledge = p, View = view, Comment = p == 1 ? comment : null })],
    };

    /// <summary>The draft submitted for the pledge cycle, with its "you said, we did".</summary>
    public static DraftSubmission PledgeDraft { get; } = new()
    {
        Version = "1.0",
        DocumentUrl = "https://documents.council.example/children-in-care-pledge-v1.docx",
        YouSaidWeDid =
        [
            new YouSaidWeDid { Theme = "Changes of social worker", YouSaid = "Too many changes of social worker; please keep the same one.", WeDid = "Pledge 4 now promises you will meet any new worker with your current one before they change." },
            new YouSaidWeDid { Theme = "Leaving care", YouSaid = "The setting-up-home grant helped; the drop-in matters.", WeDid = "Pledge 5 keeps the grant and the Friday drop-in, and stays in touch to 25." },
            new YouSaidWeDid { Theme = "Placements", YouSaid = "Carers need the plan before a child arrives.", WeDid = "Pledge 3: carers get the placement plan before you move in, except in an emergency." },
        ],
    };
}

/// <summary>One demo response; <see cref="Submit"/> false leaves it saved (in progress).</summary>
public sealed record DemoResponse(string Email, string Contributor, ResponseContent Answers, string? Comments, bool Submit)
{
    public ResponseContent Content => Answers with { Comments = Comments };
}
