using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Ratification;

public sealed record RatificationInput
{
    public string CycleId { get; init; } = "";

    public int Round { get; init; } = 1;

    /// <summary>The definition with the route as it stands (deferrals and rescheduled meetings applied).</summary>
    public ReviewCycleDefinition Definition { get; init; } = new();

    public CouncilSettings Settings { get; init; } = CouncilSettings.Default;

    /// <summary>The body the report goes to first: 0, or the body that referred it back.</summary>
    public int StartIndex { get; init; }

    public CycleStatus Status { get; init; } = new();

    /// <summary>Keys of reminders already sent (by the parent or an earlier round), so none is sent twice.</summary>
    public IReadOnlyList<string> SentReminders { get; init; } = [];

    /// <summary>The parent's logical "now" when it started this stage (see <see cref="CycleInbox"/>).</summary>
    public DateTime Now { get; init; }
}

[JsonConverter(typeof(KebabCaseEnumConverter<RatificationOutcome>))]
public enum RatificationOutcome
{
    Adopted,
    ReferredBack,
    Rejected,
}

/// <param name="BodyIndex">Adopted/rejected: the deciding body; referred back: the body to resume at.</param>
/// <param name="Now">The stage's logical "now" when it ended; the parent carries on from it.</param>
public sealed record RatificationResult(
    RatificationOutcome Outcome,
    int BodyIndex,
    DecisionSummary Decision,
    IReadOnlyList<RouteStep> Route,
    IReadOnlyList<string> SentReminders,
    CycleStatus Status,
    DateTime Now = default);

[JsonConverter(typeof(KebabCaseEnumConverter<ReminderKind>))]
public enum ReminderKind
{
    KeyDecisionNotice,
    Publication,
}

/// <summary>A reminder to lead and clerk before a statutory date of one body's meeting.</summary>
public sealed record RatificationReminder(int BodyIndex, string Body, ReminderKind Kind, DateOnly Target, DateOnly SendOn, DateOnly MeetingDate)
{
    /// <summary>Unique per body, meeting date (a deferral makes new ones), kind and day.</summary>
    public string Key => $"{(Kind == ReminderKind.Publication ? "publication" : "key-decision")}/{BodyIndex}/{MeetingDate:yyyy-MM-dd}/{SendOn:yyyy-MM-dd}";
}
