using System.Globalization;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Deadlines;

namespace ReviewWorkflow.Workflow.ForwardPlan;

/// <summary>Turns an upcoming key decision and what is stored about it (first published, exception) into its notice.
/// Pure: no clock, no storage.</summary>
public static class ForwardPlanBuilder
{
    public static KeyDecisionNotice Notice(UpcomingKeyDecision decision, DateOnly firstPublished, KeyDecisionExceptionRecord? exception, CouncilSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(settings);
        var (cycle, index, step) = (decision.Cycle, decision.RouteIndex, decision.Step);
        var inTime = KeyDecisionTiming.NoticeInTime(firstPublished, step.MeetingDate, settings);
        var status = inTime ? NoticeStatus.OnTime
            : exception?.Route switch
            {
                ExceptionRoute.GeneralException => NoticeStatus.GeneralException,
                ExceptionRoute.SpecialUrgency => NoticeStatus.SpecialUrgency,
                _ => NoticeStatus.Late,
            };

        var documents = new List<string> { $"Report to {step.Body}: {cycle.Title}" };
        if (!string.IsNullOrWhiteSpace(cycle.DraftVersion))
        {
            documents.Add($"{cycle.Title}, draft {cycle.DraftVersion} (appendix to the report)");
        }

        var contact = string.IsNullOrWhiteSpace(step.ClerkEmail)
            ? $"{cycle.Lead.Name} ({cycle.Lead.Email})"
            : $"{cycle.Lead.Name} ({cycle.Lead.Email}) or the committee clerk ({step.ClerkEmail})";
        return new KeyDecisionNotice
        {
            Reference = cycle.CycleId + "-" + (index + 1).ToString(CultureInfo.InvariantCulture),
            CycleId = cycle.CycleId,
            RouteIndex = index,
            Matter = cycle.Title,
            DecisionMaker = step.Body,
            DecisionDate = step.MeetingDate,
            Documents = documents,
            DocumentsAvailableFrom = $"Published with the agenda by {DateText.Format(ClearDays.LatestPublicationDate(step.MeetingDate, settings))}. "
                + $"Copies, and details of any other documents submitted, from {contact}; other documents relevant to the matter may be submitted to them.",
            DocumentsPublishedBy = ClearDays.LatestPublicationDate(step.MeetingDate, settings),
            Private = false,
            FirstPublished = firstPublished,
            NoticeDueBy = ClearDays.KeyDecisionNoticeDate(step.MeetingDate, settings),
            ClearDaysNotice = ClearDays.CountClearDays(firstPublished, step.MeetingDate, settings),
            Status = status,
            Exception = inTime ? null : exception,
            GeneralExceptionPossible = KeyDecisionTiming.GeneralExceptionPossible(today, step.MeetingDate, settings),
            Lead = cycle.Lead,
            ClerkEmail = step.ClerkEmail,
        };
    }
}
