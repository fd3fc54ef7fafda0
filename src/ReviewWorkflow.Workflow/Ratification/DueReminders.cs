using ReviewWorkflow.Workflow.Council;

namespace ReviewWorkflow.Workflow.Ratification;

/// <summary>
/// Which statutory reminders are due now, given those already sent (pure, so it survives any change of engine).
/// A reminder whose send time has come is due even when its day, or the date it leads up to, was jumped over: it goes
/// late rather than never, and once (the caller records its key). A body's report-publication reminders wait until the
/// bodies before it have decided (no "publish the Council report" while the Panel's decision is outstanding); they
/// fall due, late, as soon as the report reaches that body. Key-decision notice reminders never wait: the 28-day notice
/// must be published ahead of the meeting whatever the earlier bodies do.
/// </summary>
public static class DueReminders
{
    /// <param name="reminders">The route's reminders (<see cref="RatificationReminders.For"/>).</param>
    /// <param name="sent">Keys of reminders already sent.</param>
    /// <param name="now">The current instant (UTC).</param>
    /// <param name="currentIndex">The body the report is with (0 before ratification starts).</param>
    public static IReadOnlyList<RatificationReminder> Now(IEnumerable<RatificationReminder> reminders, IReadOnlyCollection<string> sent, DateTime now, int currentIndex, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        ArgumentNullException.ThrowIfNull(sent);
        return [.. Pending(reminders, sent, currentIndex).Where(r => CouncilTime.SendAt(r.SendOn, settings) <= now)];
    }

    /// <summary>When the next reminder that can go falls due (possibly already past), or null when none is left.</summary>
    public static DateTime? Next(IEnumerable<RatificationReminder> reminders, IReadOnlyCollection<string> sent, int currentIndex, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        ArgumentNullException.ThrowIfNull(sent);
        return Pending(reminders, sent, currentIndex).Select(r => (DateTime?)CouncilTime.SendAt(r.SendOn, settings)).Min();
    }

    /// <summary>
    /// Of reminders due together (<see cref="Now"/>), the later reminder of the same deadline (kind, body, meeting) that
    /// goes in <paramref name="reminder"/>'s place, or null when it is the latest of its deadline and is emailed. Every
    /// reminder is still recorded once (late rather than never); only the email is one per deadline and moment.
    /// </summary>
    public static RatificationReminder? CoveredBy(RatificationReminder reminder, IReadOnlyList<RatificationReminder> dueTogether)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(dueTogether);
        return dueTogether
            .Where(r => r.Kind == reminder.Kind && r.BodyIndex == reminder.BodyIndex && r.MeetingDate == reminder.MeetingDate && r.SendOn > reminder.SendOn)
            .MaxBy(r => r.SendOn);
    }

    /// <summary>True while an earlier body's decision is outstanding and this reminder is about a later body's report.</summary>
    public static bool WaitsForEarlierDecision(RatificationReminder reminder, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return reminder.Kind == ReminderKind.Publication && reminder.BodyIndex > currentIndex;
    }

    private static IEnumerable<RatificationReminder> Pending(IEnumerable<RatificationReminder> reminders, IReadOnlyCollection<string> sent, int currentIndex) =>
        reminders.Where(r => !sent.Contains(r.Key) && !WaitsForEarlierDecision(r, currentIndex));
}
