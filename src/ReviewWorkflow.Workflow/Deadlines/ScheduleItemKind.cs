using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Deadlines;

/// <summary>The kinds of dated step in a cycle's plan; the declaration order breaks ties between items on the same day.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ScheduleItemKind>))]
public enum ScheduleItemKind
{
    ConsultationOpens,
    ConsultationReminder,
    Escalation,
    ConsultationCloses,
    DraftingReminder,
    DraftingDeadline,
    KeyDecisionNoticeReminder,
    KeyDecisionNoticeDue,
    PublicationReminder,
    PublicationDue,
    Meeting,
    Adoption,
    ProgressReport,
    NextReviewStart,
}
