namespace ReviewWorkflow.Workflow.Domain;

/// <summary>Everything needed to run one review cycle; validated by <c>ReviewCycleValidator</c> before it starts.</summary>
public sealed record ReviewCycleDefinition
{
    /// <summary>Letters, digits, '-' and '_' (it is the audit and response partition key).</summary>
    public string Id { get; init; } = "";

    public Strategy Strategy { get; init; } = new();

    public Person Lead { get; init; } = new();

    public IReadOnlyList<Person> TaskAndFinishGroup { get; init; } = [];

    public ConsultationPlan Consultation { get; init; } = new();

    public DateOnly DraftingDeadline { get; init; }

    /// <summary>A director who signs the draft off before it goes to the first body; none when null.</summary>
    public Person? DirectorSignOff { get; init; }

    /// <summary>The bodies the report goes to, in meeting order.</summary>
    public IReadOnlyList<RouteStep> Route { get; init; } = [];

    /// <summary>Every consultee across groups, with the index of their group.</summary>
    public IEnumerable<(int Group, Consultee Consultee)> AllConsultees() =>
        Consultation.Groups.SelectMany((g, i) => g.Members.Select(m => (i, m)));
}
