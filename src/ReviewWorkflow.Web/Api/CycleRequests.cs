using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Web.Api;

// The request bodies of /api/cycles. [Required] documents the required fields in the OpenAPI document only (there is
// no attribute validation): every field is nullable so "missing" reaches the domain validators as the empty
// value they name (e.g. "consultation.closes: Enter the date the consultation closes"); unknown fields are refused,
// so a misspelt field is reported instead of silently ignored. Enums are kebab-case, dates yyyy-MM-dd.

/// <summary><c>POST /api/cycles</c>: a new review cycle.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StartCycleRequest
{
    /// <summary>Letters, digits, '-' and '_'; derived from the Idempotency-Key when omitted.</summary>
    public string? Id { get; init; }

    [Required]
    public StrategyRequest? Strategy { get; init; }

    [Required]
    public PersonRequest? Lead { get; init; }

    public IReadOnlyList<PersonRequest>? TaskAndFinishGroup { get; init; }

    [Required]
    public ConsultationRequest? Consultation { get; init; }

    [Required]
    public DateOnly? DraftingDeadline { get; init; }

    /// <summary>A director who signs the draft off before it goes to the first body.</summary>
    public PersonRequest? DirectorSignOff { get; init; }

    /// <summary>The bodies the report goes to, in meeting order.</summary>
    [Required]
    public IReadOnlyList<RouteStepRequest>? Route { get; init; }

    /// <summary>The cycle this one reviews again (recorded in the audit trail).</summary>
    public string? PreviousCycleId { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StrategyRequest
{
    [Required]
    public string? Title { get; init; }

    /// <summary>"strategy" (priorities; the default) or "pledge" (a pledge document: at least one pledge).</summary>
    public StrategyKind? Kind { get; init; }

    /// <summary>The service that owns it, e.g. "Children's Social Care" (the committee report's header needs it).</summary>
    [Required]
    public string? OwningService { get; init; }

    [Required]
    public DateOnly? PeriodStart { get; init; }

    [Required]
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>When it stops being in force; the end of the period when omitted.</summary>
    public DateOnly? Expiry { get; init; }

    public IReadOnlyList<string>? Pledges { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PersonRequest
{
    [Required]
    public string? Name { get; init; }

    [Required]
    public string? Email { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ConsultationRequest
{
    /// <summary>The council's today when omitted.</summary>
    public DateOnly? Opens { get; init; }

    /// <summary>Responses are accepted to the end of this day (UK time).</summary>
    [Required]
    public DateOnly? Closes { get; init; }

    [Required]
    public IReadOnlyList<ConsulteeGroupRequest>? Groups { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ConsulteeGroupRequest
{
    [Required]
    public string? Name { get; init; }

    /// <summary>young-people (plain-language form), carers, staff or partners.</summary>
    [Required]
    public Audience? Audience { get; init; }

    public IReadOnlyList<ConsulteeRequest>? Members { get; init; }

    /// <summary>A directory group whose members are added when the cycle starts.</summary>
    public string? DirectoryGroupId { get; init; }

    public QuestionsRequest? Questions { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ConsulteeRequest
{
    [Required]
    public string? Name { get; init; }

    [Required]
    public string? Email { get; init; }

    /// <summary>For partners: their organisation.</summary>
    public string? Organisation { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record QuestionsRequest
{
    public IReadOnlyList<string>? General { get; init; }

    public IReadOnlyList<PledgeQuestionRequest>? PerPledge { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PledgeQuestionRequest
{
    /// <summary>1-based index into the strategy's pledges.</summary>
    [Required]
    public int? Pledge { get; init; }

    [Required]
    public string? Text { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RouteStepRequest
{
    [Required]
    public string? Body { get; init; }

    [Required]
    public DateOnly? MeetingDate { get; init; }

    public TimeOnly? MeetingTime { get; init; }

    /// <summary>Required: a key decision needs 28 clear days' notice.</summary>
    [Required]
    public bool? KeyDecision { get; init; }

    /// <summary>The committee clerk who records the decision and gets the reminders.</summary>
    public string? ClerkEmail { get; init; }
}

/// <summary><c>POST /api/cycles/{id}/consultation/extend</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ExtendConsultationRequest
{
    [Required]
    public DateOnly? Closes { get; init; }
}

/// <summary><c>POST /api/cycles/{id}/consultation/close</c>: no fields; the body may be empty or <c>{}</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CloseConsultationRequest;

/// <summary><c>POST /api/cycles/{id}/drafts</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DraftRequest
{
    [Required]
    public string? Version { get; init; }

    /// <summary>An absolute https link to the draft document.</summary>
    [Required]
    public string? DocumentUrl { get; init; }

    public IReadOnlyList<YouSaidWeDidRequest>? YouSaidWeDid { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record YouSaidWeDidRequest
{
    [Required]
    public string? Theme { get; init; }

    [Required]
    public string? YouSaid { get; init; }

    [Required]
    public string? WeDid { get; init; }

    /// <summary>The id of the lead's theme this entry answers (see the cycle's <c>themes</c>); optional.</summary>
    public string? ThemeId { get; init; }
}

/// <summary><c>POST /api/cycles/{id}/decisions</c>: a body's decision, recorded by the clerk after the meeting.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DecisionRequest
{
    /// <summary>The body the report is with now.</summary>
    [Required]
    public string? Body { get; init; }

    [Required]
    public DateOnly? MeetingDate { get; init; }

    [Required]
    public DecisionOutcome? Outcome { get; init; }

    public string? AgendaItem { get; init; }

    [Required]
    public string? MinuteReference { get; init; }

    [Required]
    public string? Resolution { get; init; }

    /// <summary>Required when the outcome is defer.</summary>
    public DateOnly? NewMeetingDate { get; init; }

    /// <summary>Required when the outcome is refer-back.</summary>
    public string? Comments { get; init; }
}

/// <summary><c>POST /api/cycles/{id}/meeting-date</c>: the clerk sets the date of the meeting that will now decide (after a
/// refer-back, a deferral or a moved meeting), for the body the report is with or a later one; the route stays in order.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MeetingDateRequest
{
    [Required]
    public string? Body { get; init; }

    [Required]
    public DateOnly? MeetingDate { get; init; }
}
