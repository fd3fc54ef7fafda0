namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>The dated items a cycle puts in calendars. Committee meetings are public; the rest are for staff.</summary>
public enum CalendarItemKind
{
    Meeting,
    ReportPublicationDeadline,
    KeyDecisionNoticeDeadline,
    ConsultationOpens,
    ConsultationCloses,
}
