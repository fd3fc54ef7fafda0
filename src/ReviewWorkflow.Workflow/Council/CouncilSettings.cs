namespace ReviewWorkflow.Workflow.Council;

/// <summary>
/// Per-council rules for deadlines, reminders and monitoring. The defaults are the cautious English ones: 5 clear days to
/// publish a report, 28 clear days' key-decision notice, and neither weekends nor bank holidays counting as clear days.
/// Reminder offsets are calendar days before the date they lead up to.
/// </summary>
public sealed record CouncilSettings
{
    /// <summary>Clear days between publishing the agenda/report and the meeting (Local Government Act 1972 s.100B).</summary>
    public int PublicationClearDays { get; init; } = 5;

    /// <summary>Clear days between the key-decision notice and the decision (SI 2012/2089 reg 9).</summary>
    public int KeyDecisionNoticeClearDays { get; init; } = 28;

    public bool WeekendsCount { get; init; }

    public bool BankHolidaysCount { get; init; }

    /// <summary>Days that are not clear days when <see cref="BankHolidaysCount"/> is false; England and Wales 2024-2030 by default.</summary>
    public IReadOnlyList<DateOnly> BankHolidays { get; init; } = EnglandAndWalesBankHolidays.BuiltIn;

    /// <summary>The council's time zone: "today" and the end of a consultation day are taken here.</summary>
    public string TimeZoneId { get; init; } = "Europe/London";

    /// <summary>Reminders to consultees who have not answered, this many days before the consultation closes.</summary>
    public IReadOnlyList<int> ConsultationReminderDays { get; init; } = [7, 2];

    /// <summary>Reminders to the lead, this many days before the drafting deadline.</summary>
    public IReadOnlyList<int> DraftingReminderDays { get; init; } = [7, 2];

    /// <summary>Reminders to lead and clerk before each report publication date and key-decision notice date.</summary>
    public IReadOnlyList<int> RatificationReminderDays { get; init; } = [7, 2];

    public EscalationRule Escalation { get; init; } = new();

    public LateResponseRule LateResponses { get; init; } = LateResponseRule.AcceptAndMarkLate;

    /// <summary>Progress reports due this many months after adoption (six-monthly and annual by default).</summary>
    public IReadOnlyList<int> ProgressReportMonths { get; init; } = [6, 12];

    /// <summary>The next review starts this many months before the strategy expires.</summary>
    public int NextReviewLeadMonths { get; init; } = 6;

    /// <summary>Reminders to the lead this many days before each progress report is due (moved back to a working day).</summary>
    public int ProgressReportReminderDays { get; init; } = 14;

    /// <summary>The council-local time of day at which dated emails (requests, reminders, notices) go out.</summary>
    public TimeOnly SendTime { get; init; } = new(9, 0);

    /// <summary>The defaults, for readability at call sites.</summary>
    public static CouncilSettings Default { get; } = new();
}
