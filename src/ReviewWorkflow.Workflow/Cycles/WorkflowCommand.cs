using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Cycles;

[JsonConverter(typeof(KebabCaseEnumConverter<CommandKind>))]
public enum CommandKind
{
    ExtendConsultation,
    CloseConsultation,
    FlagBounce,
    SubmitDraft,
    SignOff,
    RecordDecision,
    SetMeetingDate,

    /// <summary>The lead reminds, now, every consultee who has not submitted and did not bounce (appended: kinds are stored by name).</summary>
    RemindNow,
}

/// <summary>
/// What a person asked a running cycle to do, raised as the external event <see cref="EventName"/> on the active
/// orchestration. One event name for every command, so an orchestration keeps one command waiter at a time (<see cref="CycleInbox"/>).
/// </summary>
public sealed record WorkflowCommand
{
    public const string EventName = "command";

    /// <summary>The caller's idempotency key (or request id): a repeated command is applied once.</summary>
    public string Id { get; init; } = "";

    public CommandKind Kind { get; init; }

    public string Actor { get; init; } = "system";

    public AuditRole Role { get; init; } = AuditRole.System;

    public string? RequestId { get; init; }

    /// <summary>Extend: the new closing date. SetMeetingDate: the new meeting date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>SetMeetingDate: the body.</summary>
    public string? Body { get; init; }

    public DraftSubmission? Draft { get; init; }

    /// <summary>SignOff: approved or not, with comments.</summary>
    public bool? Approved { get; init; }

    public string? Comments { get; init; }

    public CommitteeDecision? Decision { get; init; }

    public BounceReport? Bounce { get; init; }

    /// <summary>When the command was issued, by the app's clock (the development clock when it runs): the orchestration's
    /// logical "now" moves on to it, so a decision "from the meeting day on" is judged on the day the clerk acted.</summary>
    public DateTime? IssuedAt { get; init; }
}

/// <summary>An email to a consultee that did not arrive (from the SendGrid webhook's <c>DeliveryProblem</c>).</summary>
public sealed record BounceReport(string ConsulteeId, string Address, string Kind, string? Reason, string EventId);
