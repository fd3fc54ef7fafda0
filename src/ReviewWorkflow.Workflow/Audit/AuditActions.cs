namespace ReviewWorkflow.Workflow.Audit;

/// <summary>The action names written to the audit trail. Text, not an enum, so old rows stay readable as actions are added.</summary>
public static class AuditActions
{
    public const string CycleStarted = nameof(CycleStarted);
    public const string RequestSent = nameof(RequestSent);
    public const string ResponseSaved = nameof(ResponseSaved);
    public const string ResponseConflict = nameof(ResponseConflict);
    public const string ResponseSubmitted = nameof(ResponseSubmitted);
    public const string LateResponseRefused = nameof(LateResponseRefused);
    public const string ReminderSent = nameof(ReminderSent);

    /// <summary>A statutory reminder not emailed because a later reminder of the same deadline went at the same moment.</summary>
    public const string ReminderCovered = nameof(ReminderCovered);
    public const string RemindersRequested = nameof(RemindersRequested);
    public const string EscalationSent = nameof(EscalationSent);
    public const string BounceFlagged = nameof(BounceFlagged);
    public const string DeadlineExtended = nameof(DeadlineExtended);
    public const string ConsultationClosed = nameof(ConsultationClosed);
    public const string DraftSubmitted = nameof(DraftSubmitted);
    public const string SignedOff = nameof(SignedOff);
    public const string ReportPublished = nameof(ReportPublished);
    public const string DecisionRecorded = nameof(DecisionRecorded);
    public const string MeetingDeferred = nameof(MeetingDeferred);
    public const string ReferredBack = nameof(ReferredBack);
    public const string Adopted = nameof(Adopted);
    public const string CycleClosed = nameof(CycleClosed);
    public const string ProgressReportDue = nameof(ProgressReportDue);
    public const string NextReviewStarted = nameof(NextReviewStarted);
    public const string ConsulteesResolved = nameof(ConsulteesResolved);
    public const string SignOffRequested = nameof(SignOffRequested);
    public const string SignOffDeclined = nameof(SignOffDeclined);
    public const string MeetingRescheduled = nameof(MeetingRescheduled);
    public const string RouteAdvanced = nameof(RouteAdvanced);

    /// <summary>The directory could not be read for a group at start: no requests go out until it answers (issue 17, point 4).</summary>
    public const string ConsultationHeld = nameof(ConsultationHeld);

    /// <summary>The lead was emailed that the consultation is on hold.</summary>
    public const string HoldNoticeSent = nameof(HoldNoticeSent);

    /// <summary>A retry read every directory group: the hold is cleared and the consultation opens.</summary>
    public const string DirectoryReached = nameof(DirectoryReached);

    /// <summary>The façade accepted a person's command and handed it to the running cycle (version 2 on): the cycle's own
    /// row that follows says what came of it (the action applied, or <see cref="CommandRefused"/>).</summary>
    public const string CommandReceived = nameof(CommandReceived);

    /// <summary>The clerk recorded a general-exception (reg 10) or special-urgency (reg 11) route for a key decision noticed late.</summary>
    public const string KeyDecisionExceptionRecorded = nameof(KeyDecisionExceptionRecorded);

    /// <summary>A command reached an orchestration that could not apply it (wrong stage, wrong body, stale); nothing changed.</summary>
    public const string CommandRefused = nameof(CommandRefused);

    /// <summary>An administrator erased a consultee's personal data on request (the row holds counts and the reason, not the data).</summary>
    public const string PersonalDataErased = nameof(PersonalDataErased);

    /// <summary>The retention process removed the cycle's consultees' personal data when its retention period ended.</summary>
    public const string PersonalDataRetentionApplied = nameof(PersonalDataRetentionApplied);
}
