using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// How a command reads in the audit trail, in one place for both sides: the façade records a command it hands to a
/// version 2 orchestration as <see cref="AuditActions.CommandReceived"/> (with these details), and the orchestration
/// alone records the outcome — this action when it applies the command, <see cref="AuditActions.CommandRefused"/> when it
/// cannot — so the trail never says "extended" and then "refused". (A version 1 cycle's façade records this action itself,
/// as before.)
/// </summary>
public static class CommandAudit
{
    public static (string Action, string? Subject, IReadOnlyDictionary<string, string> Details) Describe(WorkflowCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, object? value)
        {
            if (value is not null && $"{value}" is { Length: > 0 } text)
            {
                details[key] = text;
            }
        }

        switch (command.Kind)
        {
            case CommandKind.ExtendConsultation:
                Add("closes", command.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                return (AuditActions.DeadlineExtended, details.GetValueOrDefault("closes"), details);
            case CommandKind.CloseConsultation:
                return (AuditActions.ConsultationClosed, "closed early", details);
            case CommandKind.RemindNow:
                return (AuditActions.RemindersRequested, "reminder now", details);
            case CommandKind.SubmitDraft:
                Add("documentUrl", command.Draft?.DocumentUrl);
                Add("youSaidWeDid", command.Draft?.YouSaidWeDid.Count);
                return (AuditActions.DraftSubmitted, command.Draft?.Version, details);
            case CommandKind.SignOff:
                Add("comments", command.Comments);
                return (command.Approved == true ? AuditActions.SignedOff : AuditActions.SignOffDeclined, null, details);
            case CommandKind.RecordDecision when command.Decision is { } decision:
                Add("meetingDate", decision.MeetingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                Add("outcome", decision.Outcome);
                Add("agendaItem", decision.AgendaItem);
                Add("minuteReference", decision.MinuteReference);
                Add("resolution", decision.Resolution);
                Add("newMeetingDate", decision.NewMeetingDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                Add("comments", decision.Comments);
                return (AuditActions.DecisionRecorded, decision.Body, details);
            case CommandKind.SetMeetingDate:
                Add("meetingDate", command.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                return (AuditActions.MeetingRescheduled, command.Body, details);
            case CommandKind.FlagBounce when command.Bounce is { } bounce:
                Add("kind", bounce.Kind);
                Add("reason", bounce.Reason?.Replace(bounce.Address, "[address]", StringComparison.OrdinalIgnoreCase)); // the trail is append-only: no address (issue 15)
                return (AuditActions.BounceFlagged, bounce.ConsulteeId, details);
            default:
                return (command.Kind.ToString(), null, details);
        }
    }
}
