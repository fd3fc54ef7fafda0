using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Deadlines;

/// <summary>Flattens a schedule into dated, described steps for timelines and custom status.</summary>
internal static class ScheduleItems
{
    public static List<ScheduledItem> For(CycleSchedule s)
    {
        var items = new List<ScheduledItem>
        {
            new(s.ConsultationOpens, ScheduleItemKind.ConsultationOpens, "Consultation opens; requests go to every consultee"),
        };
        items.AddRange(s.ConsultationReminders.Select(d => new ScheduledItem(d, ScheduleItemKind.ConsultationReminder,
            $"Reminder to consultees who have not answered: the consultation closes on {Format(s.ConsultationCloses)}")));
        if (s.Escalation is { } escalation)
        {
            items.Add(new(escalation, ScheduleItemKind.Escalation, "The lead gets the list of consultees who have not answered"));
        }

        items.Add(new(s.ConsultationCloses, ScheduleItemKind.ConsultationCloses, "Consultation closes at the end of the day"));
        items.AddRange(s.DraftingReminders.Select(d => new ScheduledItem(d, ScheduleItemKind.DraftingReminder,
            $"Reminder to the lead: the draft is due on {Format(s.DraftingDeadline)}")));
        items.Add(new(s.DraftingDeadline, ScheduleItemKind.DraftingDeadline, "Draft strategy due from the lead"));
        foreach (var b in s.Bodies)
        {
            AddBody(items, b);
        }

        items.Add(new(s.AdoptionDate, ScheduleItemKind.Adoption, s.AdoptionIsPlanned ? "Planned adoption (the last meeting on the route)" : "Adopted"));
        items.AddRange(s.ProgressReports.Select(d => new ScheduledItem(d, ScheduleItemKind.ProgressReport, "Progress report due")));
        items.Add(new(s.NextReviewStart, ScheduleItemKind.NextReviewStart, "The next review starts"));
        return items.OrderBy(i => i.Date).ThenBy(i => i.Kind).ThenBy(i => i.BodyIndex ?? -1).ToList();
    }

    private static void AddBody(List<ScheduledItem> items, BodySchedule b)
    {
        if (b.KeyDecisionNoticeDate is { } notice)
        {
            items.AddRange(b.KeyDecisionNoticeReminders.Select(d => new ScheduledItem(d, ScheduleItemKind.KeyDecisionNoticeReminder,
                $"Reminder to lead and clerk: the key-decision notice for {b.Body} must be published by {Format(notice)}", b.Index)));
            items.Add(new(notice, ScheduleItemKind.KeyDecisionNoticeDue, $"Last day to publish the key-decision notice for {b.Body} ({Format(b.MeetingDate)})", b.Index));
        }

        items.AddRange(b.PublicationReminders.Select(d => new ScheduledItem(d, ScheduleItemKind.PublicationReminder,
            $"Reminder to lead and clerk: the report for {b.Body} must be published by {Format(b.PublicationDate)}", b.Index)));
        items.Add(new(b.PublicationDate, ScheduleItemKind.PublicationDue, $"Last day to publish the report for {b.Body} ({Format(b.MeetingDate)})", b.Index));
        items.Add(new(b.MeetingDate, ScheduleItemKind.Meeting, $"{b.Body} meets", b.Index));
    }
}
