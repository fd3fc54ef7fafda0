using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// The custom status every review-cycle orchestration publishes (the parent and whichever child is active), so the
/// façade can answer "where is this cycle?" without reading history. At most 16 KB once serialised: lists are capped.
/// </summary>
public sealed record CycleStatus
{
    public const int MaxListed = 50;

    public string CycleId { get; init; } = "";

    public string Title { get; init; } = "";

    public CycleStage Stage { get; init; }

    /// <summary>The child orchestration doing the current stage's work (commands go there), or null.</summary>
    public string? ActiveInstanceId { get; init; }

    /// <summary>During ratification: the 0-based index of the body the report is with.</summary>
    public int? CurrentBodyIndex { get; init; }

    public string? CurrentBody { get; init; }

    public CycleCounts Counts { get; init; } = new();

    public NextDeadline? NextDeadline { get; init; }

    /// <summary>The consultation's closing date after any extension.</summary>
    public DateOnly ConsultationCloses { get; init; }

    public bool ConsultationClosedEarly { get; init; }

    /// <summary>The route with any deferrals and rescheduled meetings applied.</summary>
    public IReadOnlyList<RouteStep> Route { get; init; } = [];

    public IReadOnlyList<DecisionSummary> Decisions { get; init; } = [];

    /// <summary>1 for the first draft; +1 after each refer-back.</summary>
    public int DraftRound { get; init; }

    public string? DraftVersion { get; init; }

    public string? DraftUrl { get; init; }

    public bool DraftSignedOff { get; init; }

    /// <summary>A draft waits for the director's sign-off.</summary>
    public bool AwaitingSignOff { get; init; }

    /// <summary>What the body asked for when it referred the report back (while redrafting).</summary>
    public string? ReferredBackComments { get; init; }

    public DateOnly? AdoptedOn { get; init; }

    /// <summary>Why the cycle closed without adoption (rejection).</summary>
    public string? ClosedReason { get; init; }

    public DateOnly? NextReviewNotifiedOn { get; init; }

    /// <summary>Set when the directory could not be read at start: the consultation waits for it (null otherwise). Left
    /// out of the JSON when null, so the stages' results (and recorded histories) read exactly as before the hold existed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ConsultationHold? ConsultationHold { get; init; }

    /// <summary>Consultee ids whose email did not arrive (first <see cref="MaxListed"/>).</summary>
    public IReadOnlyList<string> BouncedConsultees { get; init; } = [];

    /// <summary>Ids of the last commands applied or refused (first <see cref="MaxListed"/>), so a retried API call is recognised.</summary>
    public IReadOnlyList<string> RecentCommands { get; init; } = [];

    public DateTime UpdatedAt { get; init; }

    /// <summary>How many changes the orchestrations have published to the read model (version 2 on); orders the writes.
    /// Left out of the JSON when 0, so version 1 statuses read as before.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Revision { get; init; }

    public CycleStatus WithCommand(string commandId) =>
        this with { RecentCommands = [commandId, .. RecentCommands.Where(c => c != commandId).Take(MaxListed - 1)] };
}

/// <summary>Requests sent, responses submitted (live from the response store when read through the façade), emails bounced.</summary>
public sealed record CycleCounts
{
    public int Consultees { get; init; }

    public int RequestsSent { get; init; }

    public int ResponsesSubmitted { get; init; }

    public int Bounced { get; init; }

    public IReadOnlyList<GroupCount> Groups { get; init; } = [];
}

/// <summary>Per consultee group, at the close of the consultation.</summary>
public sealed record GroupCount(string Group, int Consultees, int Submitted, int Late, int InProgress, int Bounced);

/// <summary>The next date someone must act by, with what is due.</summary>
public sealed record NextDeadline(DateOnly Date, string What, bool Overdue = false);

/// <summary>A committee decision as the cycle applied it.</summary>
public sealed record DecisionSummary(string Body, DateOnly MeetingDate, DecisionOutcome Outcome, string MinuteReference, string? Comments, DateOnly? NewMeetingDate);
