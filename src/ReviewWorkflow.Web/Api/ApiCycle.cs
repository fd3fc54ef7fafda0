using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Web.Api;

/// <summary>
/// A review cycle as the API shows it: where it is (<see cref="Stage"/>, <see cref="CurrentBody"/>, <see cref="NextDeadline"/>),
/// the consultation and its response counts, the draft, and the route with each body's decisions. Built from the
/// façade's <see cref="CycleView"/>; <see cref="Themes"/> (the lead's themes and their links) only for the cycle's lead
/// and administrators, null for others; orchestration internals (instance ids, command ids, runtime errors) stay out.
/// </summary>
public sealed record ApiCycle(
    string Id,
    string Title,
    CycleStage Stage,
    ApiPerson Lead,
    string? CurrentBody,
    ApiDeadline? NextDeadline,
    ApiConsultation Consultation,
    ApiResponses Responses,
    DateOnly DraftingDeadline,
    ApiDraft? Draft,
    IReadOnlyList<ApiRouteStep> Route,
    DateOnly? AdoptedOn,
    string? ClosedReason,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ApiTheme>? Themes = null)
{
    public static ApiCycle From(CycleView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var counts = view.Counts;
        return new ApiCycle(
            view.CycleId,
            view.Title,
            view.Stage,
            new ApiPerson(view.Lead.Name, view.Lead.Email),
            view.Stage == CycleStage.Ratification ? view.CurrentBody : null,
            view.NextDeadline is { } next ? new ApiDeadline(next.Date, next.What, next.Overdue) : null,
            new ApiConsultation(view.ConsultationOpens, view.ConsultationCloses, view.ConsultationClosedEarly, ApiConsultationHold.From(view.ConsultationHold)),
            new ApiResponses(
                counts.Consultees,
                counts.RequestsSent,
                counts.ResponsesSubmitted,
                counts.RequestsSent > 0 ? Math.Round((double)counts.ResponsesSubmitted / counts.RequestsSent, 3) : null,
                counts.Bounced,
                [.. counts.Groups.Select(g => new ApiGroupResponses(g.Group, g.Consultees, g.Submitted, g.Late, g.InProgress, g.Bounced))]),
            view.DraftingDeadline,
            view.DraftRound > 0 || view.DraftVersion is not null
                ? new ApiDraft(view.DraftRound, view.DraftVersion, view.DraftUrl, view.AwaitingSignOff, view.DraftSignedOff, view.ReferredBackComments)
                : null,
            [.. view.Route.Select((step, i) => new ApiRouteStep(
                step.Body,
                step.MeetingDate,
                step.KeyDecision,
                view.Stage == CycleStage.Ratification && view.CurrentBodyIndex == i,
                [.. view.Decisions
                    .Where(d => string.Equals(d.Body.Trim(), step.Body.Trim(), StringComparison.OrdinalIgnoreCase))
                    .Select(d => new ApiDecision(d.MeetingDate, d.Outcome, d.MinuteReference, d.NewMeetingDate, d.Comments))]))],
            view.AdoptedOn,
            view.ClosedReason,
            view.StartedAt,
            view.UpdatedAt);
    }
}

public sealed record ApiPerson(string Name, string Email);

/// <summary>The next date someone must act by.</summary>
public sealed record ApiDeadline(DateOnly Date, string What, bool Overdue);

/// <summary>The consultation window (<see cref="Closes"/> after any extension).</summary>
/// <param name="Hold">Set when the consultation is, or was, on hold because the directory could not be read at start
/// (issue 17, point 4); null when it never was.</param>
public sealed record ApiConsultation(DateOnly Opens, DateOnly Closes, bool ClosedEarly, ApiConsultationHold? Hold = null);

/// <summary>Requests sent and responses submitted; <see cref="ResponseRate"/> is submitted / sent (0 to 1, 3 places), null before any request is sent.</summary>
public sealed record ApiResponses(int Consultees, int RequestsSent, int ResponsesSubmitted, double? ResponseRate, int Bounced, IReadOnlyList<ApiGroupResponses> Groups);

/// <summary>Per consultee group, at the close of the consultation.</summary>
public sealed record ApiGroupResponses(string Group, int Consultees, int Submitted, int Late, int InProgress, int Bounced);

/// <summary>The latest draft: round 1 for the first, +1 after each refer-back.</summary>
public sealed record ApiDraft(int Round, string? Version, string? DocumentUrl, bool AwaitingSignOff, bool SignedOff, string? ReferredBackComments);

/// <summary>A body on the route (meeting date after any deferral), whether the report is with it now, and its decisions so far.</summary>
public sealed record ApiRouteStep(string Body, DateOnly MeetingDate, bool KeyDecision, bool Current, IReadOnlyList<ApiDecision> Decisions);

public sealed record ApiDecision(DateOnly MeetingDate, DecisionOutcome Outcome, string MinuteReference, DateOnly? NewMeetingDate, string? Comments);
