using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Validation;

/// <summary>
/// Keeps a route in order (pure; used by the orchestration that applies commands and, early, by the façade and pages):
/// a body meets after the previous body's decision (or its meeting, while it has not decided) and before the next
/// body's meeting. A change that would break this is refused, naming the bodies and dates; the clerk re-dates the later
/// bodies first (the report's current body or any later one may be re-dated), so nothing moves without being asked.
/// </summary>
public static class RouteOrder
{
    /// <summary>The index of <paramref name="body"/> among the bodies from <paramref name="currentIndex"/> on, or -1.</summary>
    public static int IndexOf(IReadOnlyList<RouteStep> route, int currentIndex, string? body)
    {
        ArgumentNullException.ThrowIfNull(route);
        for (var i = Math.Max(currentIndex, 0); i < route.Count && body is not null; i++)
        {
            if (string.Equals(route[i].Body.Trim(), body.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Refusals for setting <paramref name="body"/>'s meeting to <paramref name="date"/> (empty: allowed).</summary>
    public static IReadOnlyList<ValidationError> MeetingChange(IReadOnlyList<RouteStep> route, int currentIndex, string? body, DateOnly date, DateOnly today,
        IReadOnlyList<DecisionSummary> decisions, string field = "meetingDate")
    {
        ArgumentNullException.ThrowIfNull(route);
        if (currentIndex < 0 || currentIndex >= route.Count)
        {
            return [new ValidationError("body", "No body is waiting to decide on this cycle.")];
        }

        var at = IndexOf(route, currentIndex, body);
        if (at < 0)
        {
            var open = string.Join(", ", route.Skip(currentIndex).Select(r => r.Body));
            return [new ValidationError("body", $"The report is with {route[currentIndex].Body}; you can set the meeting date of {open}, not {body?.Trim()}.")];
        }

        if (date <= today)
        {
            return [new ValidationError(field, $"The new meeting date ({Format(date)}) must be after today ({Format(today)}).")];
        }

        return InOrder(route, at, date, decisions, field) is { } error ? [error] : [];
    }

    /// <summary>Null when body <paramref name="index"/> meeting on <paramref name="date"/> keeps the route in order.</summary>
    public static ValidationError? InOrder(IReadOnlyList<RouteStep> route, int index, DateOnly date, IReadOnlyList<DecisionSummary> decisions, string field)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(decisions);
        var body = route[index].Body;
        if (index > 0 && Previous(route, index, decisions) is { } previous && date <= previous.Date)
        {
            return new ValidationError(field, $"{body} cannot meet on {Format(date)}: it must meet after {previous.What} ({Format(previous.Date)}).");
        }

        if (index + 1 < route.Count && date >= route[index + 1].MeetingDate)
        {
            var next = route[index + 1];
            return new ValidationError(field, $"{body} cannot meet on {Format(date)}: it must meet before {next.Body} ({Format(next.MeetingDate)}). Meetings stay in route order: set {next.Body}'s new date first, then {body}'s.");
        }

        return null;
    }

    /// <summary>Null when a decision of body <paramref name="index"/> dated <paramref name="meeting"/> is not before the previous body's decision.</summary>
    public static ValidationError? DecisionAfterPrevious(IReadOnlyList<RouteStep> route, int index, DateOnly meeting, IReadOnlyList<DecisionSummary> decisions)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(decisions);
        return index > 0 && LastDecision(route[index - 1].Body, decisions) is { } previous && meeting < previous.MeetingDate
            ? new ValidationError("meetingDate", $"{route[index].Body}'s decision cannot be dated {Format(meeting)}, before {previous.Body}'s decision ({Format(previous.MeetingDate)}); set {route[index].Body}'s next meeting date after it first.")
            : null;
    }

    private static (DateOnly Date, string What)? Previous(IReadOnlyList<RouteStep> route, int index, IReadOnlyList<DecisionSummary> decisions)
    {
        var before = route[index - 1];
        return LastDecision(before.Body, decisions) is { } decided && decided.Outcome != DecisionOutcome.Defer
            ? (decided.MeetingDate, $"{before.Body}'s decision")
            : (before.MeetingDate, $"{before.Body}'s meeting");
    }

    private static DecisionSummary? LastDecision(string body, IReadOnlyList<DecisionSummary> decisions) =>
        decisions.LastOrDefault(d => string.Equals(d.Body.Trim(), body.Trim(), StringComparison.OrdinalIgnoreCase));
}
