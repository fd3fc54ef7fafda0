using ReviewWorkflow.Workflow.Council;

namespace ReviewWorkflow.Workflow.Validation;

/// <summary>Refuses settings that would make deadlines or reminders meaningless.</summary>
public static class CouncilSettingsValidator
{
    public static IReadOnlyList<ValidationError> Validate(CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<ValidationError>();
        Range(errors, "publicationClearDays", settings.PublicationClearDays, 0, 60, "The report publication clear days");
        Range(errors, "keyDecisionNoticeClearDays", settings.KeyDecisionNoticeClearDays, 0, 120, "The key-decision notice clear days");
        Offsets(errors, "consultationReminderDays", settings.ConsultationReminderDays, 0, 365);
        Offsets(errors, "draftingReminderDays", settings.DraftingReminderDays, 0, 365);
        Offsets(errors, "ratificationReminderDays", settings.RatificationReminderDays, 0, 365);
        Offsets(errors, "progressReportMonths", settings.ProgressReportMonths, 1, 120);
        Range(errors, "escalation.daysBeforeClose", settings.Escalation.DaysBeforeClose, 0, 365, "The escalation offset");
        Range(errors, "nextReviewLeadMonths", settings.NextReviewLeadMonths, 0, 60, "The next review lead time");
        if (!Enum.IsDefined(settings.LateResponses))
        {
            errors.Add(new("lateResponses", "Choose accept-and-mark-late or refuse."));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZoneId ?? "", out _))
        {
            errors.Add(new("timeZoneId", $"\"{settings.TimeZoneId}\" is not a time zone this server knows; use an IANA name such as Europe/London."));
        }

        return errors;
    }

    private static void Range(List<ValidationError> errors, string field, int value, int min, int max, string what)
    {
        if (value < min || value > max)
        {
            errors.Add(new(field, $"{what} must be from {min} to {max} (it is {value})."));
        }
    }

    private static void Offsets(List<ValidationError> errors, string field, IReadOnlyList<int>? values, int min, int max)
    {
        var list = values ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] < min || list[i] > max)
            {
                errors.Add(new($"{field}[{i}]", $"Use a number from {min} to {max} (it is {list[i]})."));
            }
        }
    }
}
