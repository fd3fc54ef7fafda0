using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Validation;

/// <summary>Refuses a committee decision for the wrong body, the wrong meeting, or without what its outcome needs.</summary>
public static class DecisionValidator
{
    public const int MinuteReference = 100;
    public const int AgendaItem = 50;
    public const int Resolution = 10_000;
    public const int Comments = 10_000;

    /// <param name="route">The cycle's route, with any deferrals applied to meeting dates.</param>
    /// <param name="currentIndex">The 0-based index of the body the report is with now.</param>
    /// <param name="decision">What the clerk entered.</param>
    /// <param name="today">The council's date today.</param>
    /// <param name="decisions">The decisions recorded so far (the route stays in order: <see cref="RouteOrder"/>).</param>
    public static IReadOnlyList<ValidationError> Validate(IReadOnlyList<RouteStep> route, int currentIndex, CommitteeDecision decision, DateOnly today,
        IReadOnlyList<DecisionSummary>? decisions = null)
    {
        decisions ??= [];
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(decision);
        var errors = new ErrorCollector();
        if (currentIndex < 0 || currentIndex >= route.Count)
        {
            errors.Add("body", "No decision is awaited: the report is not with any body on the route.");
            return errors.Errors;
        }

        var current = route[currentIndex];
        if (errors.Line("body", decision.Body, "the body that made the decision", Limits.Name) && !SameBody(decision.Body, current.Body))
        {
            errors.Add("body", WrongBody(route, currentIndex, decision.Body));
            return errors.Errors;
        }

        if (errors.Date("meetingDate", decision.MeetingDate, "the meeting date") && decision.MeetingDate != current.MeetingDate)
        {
            errors.Add("meetingDate", $"{current.Body} is due to decide at its meeting on {Format(current.MeetingDate)}, not {Format(decision.MeetingDate)}; if the meeting moved, record a deferral to the new date first.");
        }
        else if (decision.MeetingDate > today)
        {
            errors.Add("meetingDate", $"The {current.Body} meeting on {Format(decision.MeetingDate)} has not happened yet; record the decision after the meeting.");
        }
        else if (RouteOrder.DecisionAfterPrevious(route, currentIndex, decision.MeetingDate, decisions) is { } early)
        {
            errors.Add(early.Field, early.Message);
        }

        if (!Enum.IsDefined(decision.Outcome))
        {
            errors.Add("outcome", "Choose an outcome: note, comment, endorse, recommend, approve, adopt, defer, refer-back or reject.");
        }
        else if (decision.Outcome == DecisionOutcome.Recommend && currentIndex == route.Count - 1)
        {
            errors.Add("outcome", $"{current.Body} is the last body on the route, so there is no one to recommend to; record approve, adopt or note instead.");
        }

        errors.Line("minuteReference", decision.MinuteReference, "the minute reference", MinuteReference);
        errors.MaxLength("agendaItem", decision.AgendaItem, "the agenda item", AgendaItem);
        errors.Text("resolution", decision.Resolution, "the resolution as minuted", Resolution);
        CheckOutcomeNeeds(errors, decision);
        if (DecisionOutcomes.NeedsNewMeetingDate(decision.Outcome) && decision.NewMeetingDate is { } moved && moved > decision.MeetingDate
            && RouteOrder.InOrder(route, currentIndex, moved, decisions, "newMeetingDate") is { } outOfOrder)
        {
            errors.Add(outOfOrder.Field, outOfOrder.Message);
        }

        return errors.Errors;
    }

    private static void CheckOutcomeNeeds(ErrorCollector errors, CommitteeDecision decision)
    {
        if (DecisionOutcomes.NeedsNewMeetingDate(decision.Outcome))
        {
            if (decision.NewMeetingDate is not { } next || next == default)
            {
                errors.Add("newMeetingDate", "Enter the date of the meeting the decision was deferred to.");
            }
            else if (next <= decision.MeetingDate)
            {
                errors.Add("newMeetingDate", $"The new meeting date ({Format(next)}) must be after the meeting that deferred it ({Format(decision.MeetingDate)}).");
            }
        }
        else if (decision.NewMeetingDate is not null)
        {
            errors.Add("newMeetingDate", "Only a deferral has a new meeting date; remove it, or choose defer as the outcome.");
        }

        if (DecisionOutcomes.NeedsComments(decision.Outcome))
        {
            errors.Text("comments", decision.Comments, "the comments the lead must address", Comments);
        }
        else
        {
            errors.MaxLength("comments", decision.Comments, "the comments", Comments);
        }
    }

    private static string WrongBody(IReadOnlyList<RouteStep> route, int currentIndex, string body)
    {
        var current = route[currentIndex];
        var at = -1;
        for (var i = 0; i < route.Count && at < 0; i++)
        {
            at = SameBody(route[i].Body, body) ? i : -1;
        }

        return at switch
        {
            < 0 => $"{body.Trim()} is not on this cycle's route ({string.Join(" → ", route.Select(r => r.Body))}); the report is with {current.Body} ({Format(current.MeetingDate)}).",
            _ when at < currentIndex => $"{route[at].Body} has already decided; the report is now with {current.Body} ({Format(current.MeetingDate)}).",
            _ => $"The report is with {current.Body} ({Format(current.MeetingDate)}); record its decision first. {route[at].Body} comes later on the route.",
        };
    }

    private static bool SameBody(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
