using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Tests.Fixtures;

/// <summary>A fictional cycle shaped like Rutland's: six pledges, three groups, twelve consultees,
/// Corporate Parenting Panel → Cabinet (key decision) → Council, in the 2027 calendar (Easter 26-29 March 2027).</summary>
internal static class RutlandLikeCycle
{
    /// <summary>A date on which everything in <see cref="Definition"/> is still possible (notice for Cabinet is due 8 March 2027).</summary>
    public static readonly DateOnly Today = new(2026, 12, 14);

    public static IReadOnlyList<string> Pledges { get; } =
    [
        "Children looked after and care leavers are happy and have good health and wellbeing",
        "are safe and in safe and stable placements",
        "achieve their potential and have access to good education, training and/or employment",
        "are prepared for adulthood",
        "are listened to and supported to participate in society",
        "build positive relationships",
    ];

    public static ReviewCycleDefinition Definition { get; } = new()
    {
        Id = "cic-2027",
        Strategy = new Strategy
        {
            Title = "Children in Care and Care Leavers Pledge 2027-2030",
            Kind = StrategyKind.Pledge,
            OwningService = "Children's Social Care",
            PeriodStart = new DateOnly(2027, 6, 1),
            PeriodEnd = new DateOnly(2030, 5, 31),
            Pledges = Pledges,
        },
        Lead = new Person { Name = "Alex Example", Email = "lead@council.example" },
        TaskAndFinishGroup =
        [
            new Person { Name = "Sam Sample", Email = "sam.sample@council.example" },
            new Person { Name = "Jo Placeholder", Email = "jo.placeholder@council.example" },
        ],
        Consultation = new ConsultationPlan
        {
            Opens = new DateOnly(2027, 1, 4),
            Closes = new DateOnly(2027, 2, 12),
            Groups =
            [
                Group("Voices Matter (Children in Care Council)", Audience.YoungPeople, null,
                    ("Riley", "riley@young.example"), ("Casey", "casey@young.example"), ("Morgan", "morgan@young.example"), ("Jamie", "jamie@young.example")),
                Group("Foster carers", Audience.Carers, null,
                    ("Pat Carer", "pat@carers.example"), ("Lee Carer", "lee@carers.example"), ("Chris Carer", "chris@carers.example"), ("Dana Carer", "dana@carers.example")),
                Group("Partners", Audience.Partners, "Example Health Trust",
                    ("Dr Avery Test", "avery@health.example"), ("Nurse Blair Test", "blair@health.example"), ("PC Drew Test", "drew@police.example"), ("Eden Test", "eden@school.example")),
            ],
        },
        DraftingDeadline = new DateOnly(2027, 3, 12),
        DirectorSignOff = new Person { Name = "Director Example", Email = "director@council.example" },
        Route =
        [
            new RouteStep { Body = "Corporate Parenting Panel", MeetingDate = new DateOnly(2027, 3, 30), ClerkEmail = "clerk@council.example" },
            new RouteStep { Body = "Cabinet", MeetingDate = new DateOnly(2027, 4, 20), KeyDecision = true, ClerkEmail = "clerk@council.example" },
            new RouteStep { Body = "Council", MeetingDate = new DateOnly(2027, 5, 10), ClerkEmail = "clerk@council.example" },
        ],
    };

    private static ConsulteeGroup Group(string name, Audience audience, string? organisation, params (string Name, string Email)[] members) => new()
    {
        Name = name,
        Audience = audience,
        Members = members.Select(m => new Consultee { Name = m.Name, Email = m.Email, Organisation = organisation }).ToList(),
        Questions = new Questions
        {
            General = ["What else should the pledge promise?"],
            PerPledge = [new PledgeQuestion { Pledge = 2, Text = "Do you feel safe where you live?" }],
        },
    };
}
