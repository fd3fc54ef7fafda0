using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Ratification;

/// <summary>
/// Which statutory reminders a route has (pure, from <see cref="CycleSchedule"/>): key-decision notice reminders
/// (28 clear days) and report publication reminders (5 clear days), for the bodies from <c>fromIndex</c> on.
/// Key-decision notices fall due while the strategy is still being consulted on or drafted, so the parent orchestration
/// sends those until ratification starts; the Ratification orchestration sends both kinds after that.
/// </summary>
public static class RatificationReminders
{
    public static IReadOnlyList<RatificationReminder> For(ReviewCycleDefinition definition, CouncilSettings settings, int fromIndex, bool keyDecisionOnly)
    {
        var schedule = CycleSchedule.Compute(definition, settings);
        var reminders = new List<RatificationReminder>();
        foreach (var body in schedule.Bodies.Where(b => b.Index >= fromIndex))
        {
            if (body.KeyDecisionNoticeDate is { } notice)
            {
                reminders.AddRange(body.KeyDecisionNoticeReminders.Select(d => new RatificationReminder(body.Index, body.Body, ReminderKind.KeyDecisionNotice, notice, d, body.MeetingDate)));
            }

            if (!keyDecisionOnly)
            {
                reminders.AddRange(body.PublicationReminders.Select(d => new RatificationReminder(body.Index, body.Body, ReminderKind.Publication, body.PublicationDate, d, body.MeetingDate)));
            }
        }

        return [.. reminders.OrderBy(r => r.SendOn).ThenBy(r => r.BodyIndex).ThenBy(r => r.Kind)];
    }

    /// <summary>The working day after the meeting: when the clerk is nudged if no decision was recorded.</summary>
    public static DateOnly DecisionNudgeDay(DateOnly meeting, CouncilSettings settings)
    {
        var day = meeting.AddDays(1);
        while (!ClearDays.IsWorkingDay(day, settings))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
