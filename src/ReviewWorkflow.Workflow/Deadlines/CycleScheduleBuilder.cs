using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Deadlines;

internal static class CycleScheduleBuilder
{
    public static CycleSchedule Build(ReviewCycleDefinition definition, CouncilSettings settings, DateOnly? adoptedOn)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        var consultation = definition.Consultation;

        var consultationReminders = Reminders(consultation.Closes, settings.ConsultationReminderDays, settings, after: consultation.Opens);
        DateOnly? escalation = null;
        if (settings.Escalation.Enabled)
        {
            var day = ClearDays.OnOrBeforeWorkingDay(consultation.Closes.AddDays(-settings.Escalation.DaysBeforeClose), settings);
            escalation = day > consultation.Opens ? day : null;
        }

        var draftingReminders = Reminders(definition.DraftingDeadline, settings.DraftingReminderDays, settings, after: consultation.Closes);
        var bodies = definition.Route.Select((step, index) => Body(step, index, definition.DraftingDeadline, settings)).ToList();

        var adoption = adoptedOn ?? (bodies.Count > 0 ? bodies[^1].MeetingDate : definition.DraftingDeadline);
        var progress = settings.ProgressReportMonths.Where(m => m > 0).Distinct().Order().Select(m => ClearDays.OnOrAfterWorkingDay(adoption.AddMonths(m), settings)).ToList();
        var nextReview = definition.Strategy.EffectiveExpiry.AddMonths(-settings.NextReviewLeadMonths);

        var schedule = new CycleSchedule
        {
            ConsultationOpens = consultation.Opens,
            ConsultationCloses = consultation.Closes,
            ConsultationReminders = consultationReminders,
            Escalation = escalation,
            DraftingDeadline = definition.DraftingDeadline,
            DraftingReminders = draftingReminders,
            Bodies = bodies,
            AdoptionDate = adoption,
            AdoptionIsPlanned = adoptedOn is null,
            ProgressReports = progress,
            NextReviewStart = nextReview,
        };
        return schedule with { Items = ScheduleItems.For(schedule) };
    }

    private static BodySchedule Body(RouteStep step, int index, DateOnly draftingDeadline, CouncilSettings settings)
    {
        var publication = ClearDays.LatestPublicationDate(step.MeetingDate, settings);
        DateOnly? notice = step.KeyDecision ? ClearDays.KeyDecisionNoticeDate(step.MeetingDate, settings) : null;
        return new BodySchedule
        {
            Index = index,
            Body = step.Body,
            MeetingDate = step.MeetingDate,
            MeetingTime = step.MeetingTime,
            KeyDecision = step.KeyDecision,
            PublicationDate = publication,
            PublicationReminders = Reminders(publication, settings.RatificationReminderDays, settings, after: draftingDeadline.AddDays(-1)),
            KeyDecisionNoticeDate = notice,
            KeyDecisionNoticeReminders = notice is { } n ? Reminders(n, settings.RatificationReminderDays, settings, after: DateOnly.MinValue) : [],
        };
    }

    /// <summary>Offsets before <paramref name="target"/>, moved back to a working day, kept only when after <paramref name="after"/>; ascending, distinct.</summary>
    private static List<DateOnly> Reminders(DateOnly target, IEnumerable<int> offsets, CouncilSettings settings, DateOnly after) =>
        offsets.Where(o => o >= 0)
            .Select(o => ClearDays.OnOrBeforeWorkingDay(target.AddDays(-o), settings))
            .Where(d => d > after && d <= target)
            .Distinct()
            .Order()
            .ToList();
}
