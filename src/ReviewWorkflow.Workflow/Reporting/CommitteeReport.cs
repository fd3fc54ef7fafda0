namespace ReviewWorkflow.Workflow.Reporting;

/// <summary>
/// A committee report in the council template (header block, recommendations, purpose, timescales, background,
/// consultation, anticipated outcomes, reasons, alternatives, implications, background documents, appendices), built
/// from a review cycle by <see cref="CommitteeReportService"/>. Everything is plain text: renderers escape it. Where the
/// system has no source, the text is exactly <see cref="ReportText.Placeholder"/>, which renderers mark as such.
/// Consultees are counted, never named.
/// </summary>
public sealed record CommitteeReport
{
    public string CycleId { get; init; } = "";

    /// <summary>The report's title: the strategy or pledge under review.</summary>
    public string Title { get; init; } = "";

    /// <summary>The council day the report was generated (it reflects the cycle as it stood then).</summary>
    public DateOnly GeneratedOn { get; init; }

    public ReportHeader Header { get; init; } = new();

    public IReadOnlyList<string> Recommendations { get; init; } = [];

    /// <summary>1. Origin, purpose and reason for the report.</summary>
    public IReadOnlyList<string> Purpose { get; init; } = [];

    public ReportTimescales Timescales { get; init; } = new();

    /// <summary>Background and key issues, then the pledges or priorities in order.</summary>
    public IReadOnlyList<string> Background { get; init; } = [];

    public IReadOnlyList<string> Pledges { get; init; } = [];

    public ConsultationSummary Consultation { get; init; } = new();

    public IReadOnlyList<string> AnticipatedOutcomes { get; init; } = [];

    public IReadOnlyList<string> ReasonsForRecommendation { get; init; } = [];

    public IReadOnlyList<string> AlternativeOptions { get; init; } = [];

    /// <summary>Financial, legal, equalities ... each with its text or the placeholder.</summary>
    public IReadOnlyList<ReportImplication> Implications { get; init; } = [];

    /// <summary>Background papers (Local Government (Access to Information) Act 1985).</summary>
    public IReadOnlyList<string> BackgroundDocuments { get; init; } = [];

    public IReadOnlyList<ReportAppendix> Appendices { get; init; } = [];

    /// <summary>Large print, Braille and other formats on request.</summary>
    public string AccessibleFormats { get; init; } = "";
}

/// <summary>The box at the top of a council report.</summary>
public sealed record ReportHeader
{
    /// <summary>The body the report goes to (the one it is with, or the next on the route).</summary>
    public string Committee { get; init; } = "";

    public DateOnly? MeetingDate { get; init; }

    public string AgendaItem { get; init; } = ReportText.Placeholder;

    /// <summary>"Public" (the system holds no exempt information for a report).</summary>
    public string Status { get; init; } = "Public";

    /// <summary>"No", or the exempt category when a report author changes it.</summary>
    public string Exempt { get; init; } = "No";

    /// <summary>The director (the one who signs the draft off), or the placeholder.</summary>
    public string ReportOf { get; init; } = ReportText.Placeholder;

    public string CabinetMembers { get; init; } = ReportText.Placeholder;

    /// <summary>The strategy lead: name and email.</summary>
    public string ContactOfficer { get; init; } = "";

    public string Service { get; init; } = "";

    public bool KeyDecision { get; init; }

    /// <summary>The forward plan reference of a key decision (placeholder), or "Not applicable".</summary>
    public string ForwardPlanReference { get; init; } = ReportText.Placeholder;

    public string Wards { get; init; } = "All";

    /// <summary>The last day to publish this report for <see cref="MeetingDate"/> (clear days per council settings).</summary>
    public DateOnly? PublishBy { get; init; }
}

/// <summary>When each step happens: the route with statutory dates and decisions so far.</summary>
public sealed record ReportTimescales
{
    /// <summary>"Is this a major policy framework item or statutory plan?" — the council's constitution decides.</summary>
    public string PolicyFramework { get; init; } = ReportText.Placeholder;

    public IReadOnlyList<string> Summary { get; init; } = [];

    public IReadOnlyList<RouteMeeting> Route { get; init; } = [];
}

/// <summary>One body on the route with its dates, and its decision when one is recorded.</summary>
public sealed record RouteMeeting(string Body, DateOnly MeetingDate, bool KeyDecision, DateOnly PublishBy, DateOnly? KeyDecisionNoticeBy, string Decision);

/// <summary>Who was consulted, when, how many answered, what they said in aggregate, and how it was used.</summary>
public sealed record ConsultationSummary
{
    public DateOnly Opens { get; init; }

    public DateOnly Closes { get; init; }

    public bool ClosedEarly { get; init; }

    /// <summary>"Pledge" for a pledge document, "Priority" for a strategy.</summary>
    public string ItemLabel { get; init; } = "Pledge";

    /// <summary>Paragraphs: who, when, and the overall response rate.</summary>
    public IReadOnlyList<string> Overview { get; init; } = [];

    public IReadOnlyList<GroupResponseRate> Groups { get; init; } = [];

    public GroupResponseRate Total { get; init; } = new("All groups", "", 0, 0, 0, 0);

    public IReadOnlyList<PledgeTally> Pledges { get; init; } = [];

    /// <summary>Aggregate themes: comment counts per pledge and the report author's themes; never quotes or names.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>From the draft: what consultees said and what the draft does about it.</summary>
    public IReadOnlyList<YouSaidWeDidRow> YouSaidWeDid { get; init; } = [];
}

/// <summary>A group's response rate; <see cref="RatePercent"/> is submitted over consulted, rounded.</summary>
public sealed record GroupResponseRate(string Group, string Audience, int Consulted, int Responded, int Late, int Bounced)
{
    public int RatePercent => Consulted == 0 ? 0 : (int)Math.Round(100.0 * Responded / Consulted, MidpointRounding.AwayFromZero);
}

/// <summary>Submitted views on one pledge (1-based) and how many commented on it.</summary>
public sealed record PledgeTally(int Pledge, string Text, int Agree, int Partly, int Disagree, int DontKnow, int Comments)
{
    public int Answers => Agree + Partly + Disagree + DontKnow;
}

/// <param name="Said">How many submitted responses carry the entry's theme; null when the entry is linked to no theme.</param>
/// <param name="Quotes">The quotes the lead chose for the theme, attributed by audience, never by name.</param>
public sealed record YouSaidWeDidRow(string Theme, string YouSaid, string WeDid, int? Said = null, IReadOnlyList<string>? Quotes = null);

/// <summary>One implication heading (financial, legal ...) with its paragraphs (the placeholder when unknown).</summary>
public sealed record ReportImplication(string Area, IReadOnlyList<string> Paragraphs);

/// <summary>An appendix: its letter, title and what it holds (e.g. the draft's link).</summary>
public sealed record ReportAppendix(string Letter, string Title, IReadOnlyList<string> Content);
