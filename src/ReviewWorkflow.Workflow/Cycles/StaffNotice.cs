using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>The emails to council staff (lead, clerk, director) that orchestrations send on dates.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<NoticeKind>))]
public enum NoticeKind
{
    DraftingReminder,
    SignOffRequest,
    ReferredBack,
    PublicationReminder,
    KeyDecisionNoticeReminder,
    DecisionDue,
    ProgressReportReminder,
    NextReviewStart,
    ConsultationOnHold,
}

/// <summary>
/// One staff email: what kind, to whom, and the facts its wording needs. <see cref="IdempotencyKey"/> is built by the
/// orchestration from the cycle, the purpose and the dates, so the activity sending it may run any number of times.
/// </summary>
public sealed record StaffNotice
{
    public string CycleId { get; init; } = "";

    public NoticeKind Kind { get; init; }

    public Person To { get; init; } = new();

    public string IdempotencyKey { get; init; } = "";

    /// <summary>
    /// Set when a later reminder of the same deadline goes at the same moment (after a jump in time, or a worker down for
    /// days): this one is then recorded as covered by that one (its key) and not emailed — one email, not a burst of
    /// identical ones. Left out of the JSON when null, so recorded histories keep their inputs.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CoveredBy { get; init; }

    public string Title { get; init; } = "";

    /// <summary>The date the notice leads up to (deadline, publication day, meeting, report due).</summary>
    public DateOnly? DueDate { get; init; }

    public string? Body { get; init; }

    public DateOnly? MeetingDate { get; init; }

    public string? DraftVersion { get; init; }

    public string? DraftUrl { get; init; }

    public string? Comments { get; init; }

    /// <summary>For <see cref="NoticeKind.ConsultationOnHold"/>: the groups the directory could not be read for.</summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>Free label, e.g. "six-monthly" or "annual" for progress reports.</summary>
    public string? Label { get; init; }
}
