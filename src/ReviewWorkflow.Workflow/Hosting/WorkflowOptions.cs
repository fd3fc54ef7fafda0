using ReviewWorkflow.Workflow.Council;

namespace ReviewWorkflow.Workflow.Hosting;

/// <summary>Settings of the review-cycle workflow (configuration section "Workflow").</summary>
public sealed class WorkflowOptions
{
    public const string SectionName = "Workflow";

    /// <summary>The site consultees and staff reach: respondent links and links in staff emails start here.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:7071/");

    /// <summary>Base64 key (32+ bytes) that signs consultee links. Empty: a random key per process (links stop working
    /// after a restart), acceptable only for local runs; set it from Key Vault in Azure.</summary>
    public string? LinkSigningKey { get; set; }

    /// <summary>How long a consultee link stays usable after the consultation closes (late responses, reading back).</summary>
    public int LinkValidDaysAfterClose { get; set; } = 60;

    public string AuditTable { get; set; } = "ReviewAudit";

    public string ResponsesTable { get; set; } = "ReviewResponses";

    public string EmailLedgerTable { get; set; } = "ReviewEmailLedger";

    public string WebhookEventsTable { get; set; } = "ReviewWebhookEvents";

    public string LinksTable { get; set; } = "ReviewConsulteeLinks";

    /// <summary>The salts that commit consultees' personal fields in the audit trail (destroyed on erasure).</summary>
    public string AuditSaltsTable { get; set; } = "ReviewAuditSalts";

    /// <summary>Erasure and retention records: who was erased (by consultee id and label), when, and erasure requests' answers.</summary>
    public string PersonalDataTable { get; set; } = "ReviewPersonalData";

    /// <summary>The read model: one row per review cycle (stage, dates, route, decisions), written at each change.</summary>
    public string ReviewCyclesTable { get; set; } = "ReviewCycles";

    /// <summary>The forward plan's first-published dates and exception routes (<see cref="ForwardPlan.ForwardPlanStore"/>).</summary>
    public string ForwardPlanTable { get; set; } = ForwardPlan.ForwardPlanStore.DefaultTableName;

    /// <summary>The committee meetings' calendar events sent (<see cref="Calendar.MeetingEventStore"/>).</summary>
    public string MeetingEventsTable { get; set; } = Calendar.MeetingEventStore.DefaultTableName;

    /// <summary>Overrides of the council's rules; unset values keep <see cref="CouncilSettings.Default"/>.</summary>
    public CouncilOverrides Council { get; set; } = new();

    /// <summary>The council settings new cycles snapshot.</summary>
    public CouncilSettings ToCouncilSettings() => Council.Apply(CouncilSettings.Default);

    /// <summary>The absolute URL of a path on the public site.</summary>
    public string Url(string relative)
    {
        var root = PublicBaseUrl.ToString();
        return (root.EndsWith('/') ? root : root + "/") + relative.TrimStart('/');
    }
}

/// <summary>Bindable overrides of <see cref="CouncilSettings"/> (records with list defaults do not bind well).</summary>
public sealed class CouncilOverrides
{
    public int? PublicationClearDays { get; set; }

    public int? KeyDecisionNoticeClearDays { get; set; }

    public bool? WeekendsCount { get; set; }

    public bool? BankHolidaysCount { get; set; }

    /// <summary>Extra non-counting days (proclaimed holidays), added to the built-in list.</summary>
    public IList<DateOnly> ExtraBankHolidays { get; } = [];

    public string? TimeZoneId { get; set; }

    public IList<int> ConsultationReminderDays { get; } = [];

    public IList<int> DraftingReminderDays { get; } = [];

    public IList<int> RatificationReminderDays { get; } = [];

    public bool? EscalationEnabled { get; set; }

    public int? EscalationDaysBeforeClose { get; set; }

    public LateResponseRule? LateResponses { get; set; }

    public IList<int> ProgressReportMonths { get; } = [];

    public int? ProgressReportReminderDays { get; set; }

    public int? NextReviewLeadMonths { get; set; }

    public TimeOnly? SendTime { get; set; }

    /// <summary>Months consultees' personal data is kept after a cycle is adopted or closed (UK GDPR storage limitation);
    /// read live by the retention process, not snapshotted into cycles. Default <see cref="DefaultPersonalDataRetentionMonths"/>.</summary>
    public int? PersonalDataRetentionMonths { get; set; }

    public const int DefaultPersonalDataRetentionMonths = 12;

    public CouncilSettings Apply(CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with
        {
            PublicationClearDays = PublicationClearDays ?? settings.PublicationClearDays,
            KeyDecisionNoticeClearDays = KeyDecisionNoticeClearDays ?? settings.KeyDecisionNoticeClearDays,
            WeekendsCount = WeekendsCount ?? settings.WeekendsCount,
            BankHolidaysCount = BankHolidaysCount ?? settings.BankHolidaysCount,
            BankHolidays = ExtraBankHolidays.Count == 0 ? settings.BankHolidays : [.. settings.BankHolidays.Concat(ExtraBankHolidays).Distinct().Order()],
            TimeZoneId = TimeZoneId ?? settings.TimeZoneId,
            ConsultationReminderDays = ConsultationReminderDays.Count == 0 ? settings.ConsultationReminderDays : [.. ConsultationReminderDays],
            DraftingReminderDays = DraftingReminderDays.Count == 0 ? settings.DraftingReminderDays : [.. DraftingReminderDays],
            RatificationReminderDays = RatificationReminderDays.Count == 0 ? settings.RatificationReminderDays : [.. RatificationReminderDays],
            Escalation = new EscalationRule
            {
                Enabled = EscalationEnabled ?? settings.Escalation.Enabled,
                DaysBeforeClose = EscalationDaysBeforeClose ?? settings.Escalation.DaysBeforeClose,
            },
            LateResponses = LateResponses ?? settings.LateResponses,
            ProgressReportMonths = ProgressReportMonths.Count == 0 ? settings.ProgressReportMonths : [.. ProgressReportMonths],
            ProgressReportReminderDays = ProgressReportReminderDays ?? settings.ProgressReportReminderDays,
            NextReviewLeadMonths = NextReviewLeadMonths ?? settings.NextReviewLeadMonths,
            SendTime = SendTime ?? settings.SendTime,
        };
    }
}
