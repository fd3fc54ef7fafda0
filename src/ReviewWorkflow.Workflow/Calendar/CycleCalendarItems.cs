using System.Globalization;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;

namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>A cycle's calendar items, from the read model's view (route with deferrals applied). Pure.</summary>
public static class CycleCalendarItems
{
    /// <summary>Meetings without a time are shown from this time, council time, for two hours.</summary>
    public static readonly TimeSpan MeetingLength = TimeSpan.FromHours(2);

    public const string UidDomain = "reviewworkflow";

    public static IReadOnlyList<CalendarItem> For(CycleView cycle, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(settings);
        var items = new List<CalendarItem>
        {
            AllDay(cycle, CalendarItemKind.ConsultationOpens, null, cycle.ConsultationOpens, $"Consultation opens: {cycle.Title}", "The consultation opens; requests go to every consultee."),
            AllDay(cycle, CalendarItemKind.ConsultationCloses, null, cycle.ConsultationCloses, $"Consultation closes: {cycle.Title}", "The consultation closes at the end of the day."),
        };
        var decided = cycle.Decisions.Select(d => d.Body).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < cycle.Route.Count; i++)
        {
            var step = cycle.Route[i];
            var meetingText = $"{step.Body} considers {cycle.Title}" + (step.KeyDecision ? " (a key decision)" : "") + ".";
            var meeting = AllDay(cycle, CalendarItemKind.Meeting, i, step.MeetingDate, $"{step.Body}: {cycle.Title}", meetingText) with
            {
                Cancelled = cycle.Stage == CycleStage.Closed && !decided.Contains(step.Body),
            };
            if (step.MeetingTime is { } at)
            {
                var start = new DateTimeOffset(CouncilTime.At(step.MeetingDate, at, settings), TimeSpan.Zero);
                meeting = meeting with { Start = start, End = start + MeetingLength };
            }

            items.Add(meeting);
            items.Add(AllDay(cycle, CalendarItemKind.ReportPublicationDeadline, i, ClearDays.LatestPublicationDate(step.MeetingDate, settings),
                $"Publish the report for {step.Body}: {cycle.Title}",
                $"Last day to publish the agenda and report ({settings.PublicationClearDays} clear days before {step.Body} on {DateText.Format(step.MeetingDate)})."));
            if (step.KeyDecision)
            {
                items.Add(AllDay(cycle, CalendarItemKind.KeyDecisionNoticeDeadline, i, ClearDays.KeyDecisionNoticeDate(step.MeetingDate, settings),
                    $"Key-decision notice due for {step.Body}: {cycle.Title}",
                    $"Last day to publish the key-decision notice ({settings.KeyDecisionNoticeClearDays} clear days before {step.Body} on {DateText.Format(step.MeetingDate)})."));
            }
        }

        return items;
    }

    /// <summary>"{cycle}-{kind}[-{route index}]@reviewworkflow": the same for the life of the item.</summary>
    public static string Uid(string cycleId, CalendarItemKind kind, int? routeIndex)
    {
        var name = kind switch
        {
            CalendarItemKind.Meeting => "meeting",
            CalendarItemKind.ReportPublicationDeadline => "report-publication",
            CalendarItemKind.KeyDecisionNoticeDeadline => "key-decision-notice",
            CalendarItemKind.ConsultationOpens => "consultation-opens",
            _ => "consultation-closes",
        };
        var index = routeIndex is { } i ? "-" + i.ToString(CultureInfo.InvariantCulture) : "";
        return $"{cycleId}-{name}{index}@{UidDomain}";
    }

    private static CalendarItem AllDay(CycleView cycle, CalendarItemKind kind, int? index, DateOnly date, string summary, string description) => new()
    {
        Uid = Uid(cycle.CycleId, kind, index),
        CycleId = cycle.CycleId,
        Kind = kind,
        RouteIndex = index,
        Summary = summary,
        Description = description,
        Date = date,
    };
}
