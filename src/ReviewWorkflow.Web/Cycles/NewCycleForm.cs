namespace ReviewWorkflow.Web.Cycles;

/// <summary>
/// What the "Start a review" page posts: plain strings, exactly as typed, so a refused form comes back with
/// everything still in it. <see cref="CycleFormMapper"/> turns it into a cycle definition and the façade's field
/// paths back into these fields.
/// </summary>
public sealed class NewCycleForm
{
    public const int GroupRows = 4;
    public const int RouteRows = 4;

    public string? Title { get; set; }

    /// <summary>"strategy" or "pledge".</summary>
    public string? Kind { get; set; } = "strategy";

    public string? OwningService { get; set; }

    /// <summary>ISO dates (yyyy-MM-dd), as date inputs send them.</summary>
    public string? PeriodStart { get; set; }

    public string? PeriodEnd { get; set; }

    /// <summary>One pledge or priority per line.</summary>
    public string? Pledges { get; set; }

    public string? LeadName { get; set; }

    public string? LeadEmail { get; set; }

    public string? DirectorName { get; set; }

    public string? DirectorEmail { get; set; }

    public string? Opens { get; set; }

    public string? Closes { get; set; }

    public List<GroupRow> Groups { get; set; } = [];

    public string? DraftingDeadline { get; set; }

    public List<RouteRow> Route { get; set; } = [];

    /// <summary>The cycle this one was prefilled from (its questions, directory groups and clerks are kept).</summary>
    public string? From { get; set; }

    /// <summary>Rendered fresh at GET: a double submit starts one cycle.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Pads the row lists to at least the fixed number of rows (the page works without JavaScript).</summary>
    public NewCycleForm WithRows()
    {
        while (Groups.Count < GroupRows)
        {
            Groups.Add(new GroupRow());
        }

        while (Route.Count < RouteRows)
        {
            Route.Add(new RouteRow());
        }

        return this;
    }
}

public sealed class GroupRow
{
    public string? Name { get; set; }

    /// <summary>"young-people", "carers", "staff" or "partners".</summary>
    public string? Audience { get; set; } = "young-people";

    /// <summary>One member per line: "Name &lt;email&gt;" or "Name, email".</summary>
    public string? Members { get; set; }

    /// <summary>A directory group whose members are consulted too (besides <see cref="Members"/>), or empty.</summary>
    public string? DirectoryGroupId { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Members) && string.IsNullOrWhiteSpace(DirectoryGroupId);
}

public sealed class RouteRow
{
    public string? Body { get; set; }

    public string? MeetingDate { get; set; }

    public bool KeyDecision { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Body) && string.IsNullOrWhiteSpace(MeetingDate) && !KeyDecision;
}
