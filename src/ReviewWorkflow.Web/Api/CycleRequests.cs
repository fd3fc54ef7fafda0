using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Web.Api;

// The request bodies of /api/cycles. Every field is nullable so "missing" reaches the domain validators as the empty
// value they name (e.g. "consultation.closes: Enter the date the consultation closes"); unknown fields are refused,
// so a misspelt field is reported instead of silently ignored. Enums are kebab-case, dates yyyy-MM-dd.

/// <summary><c>POST /api/cycles</c>: a new review cycle.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StartCycleRequest
{
    /// <summary>Letters, digits, '-' and '_'; derived from the Idempotency-Key when omitted.</summary>
    public string? Id { get; init; }

    public StrategyRequest? Strategy { get; init; }

    public PersonRequest? Lead { get; init; }

    public IReadOnlyList<PersonRequest>? TaskAndFinishGroup { get; init; }

    public ConsultationRequest? Consultation { get; init; }

    public DateOnly? DraftingDeadline { get; init; }

    /// <summary>A director who signs the draft off before it goes to the first body.</summary>
    public PersonRequest? DirectorSignOff { get; init; }

    /// <summary>The bodies the report goes to, in meeting order.</summary>
    public IReadOnlyList<RouteStepRequest>? Route { get; init; }

    /// <summary>The cycle this one reviews again (recorded in the audit trail).</summary>
    public string? PreviousCycleId { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StrategyRequest
{
    public string? Title { get; init; }

    /// <summary>"strategy" (priorities; the default) or "pledge" (a pledge document: at least one pledge).</summary>
    public StrategyKind? Kind { get; init; }

    /// <summary>The service that owns it, e.g. "Children's Social Care" (the committee report's header needs it).</summary>
    public string? OwningService { get; init; }

    public DateOnly? PeriodStart { get; init; }

    public DateOnly? PeriodEnd { get; init; }

    /// <summary>When it stops being in force; the end of the period when omitted.</summary>
    public DateOnly? Expiry { get; init; }

    public IReadOnlyList<string>? Pledges { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PersonRequest
{
    public string? Name { get; init; }

    public string? Email { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ConsultationRequest
{
    /// <summary>The council's today when omitted.</summary>
    public DateOnly? Opens { get; init; }

    /// <summary>Responses are accepted to the end of this day (UK time).</summary>
    public DateOnly? Closes { get; init; }

    public IReadOnlyList<ConsulteeGroupRequest>? Groups { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ConsulteeGroupRequest
{
    public string? Name { get; init; }

    /// <summary>young-people (plain-language form), carers, staff or partners.</summary>
    public Audience? Audience { get; init; }

    public IReadOnlyList<ConsulteeRequest>? Members { get; init; }

    /// <summary>A directory group whose members are added when the cycle starts.</summary>
    public string? DirectoryGroupId { get; init; }

    public QuestionsRequest? Questions { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ConsulteeRequest
{
    public string? Name { get; init; }

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
    public int? Pledge { get; init; }

    public string? Text { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RouteStepRequest
{
    public string? Body { get; init; }

    public DateOnly? MeetingDate { get; init; }

    public TimeOnly? MeetingTime { get; init; }

    /// <summary>Required: a key decision needs 28 clear days' notice.</summary>
    public bool? KeyDecision { get; init; }

    /// <summary>The committee clerk who records the decision and gets the reminders.</summary>
    public string? ClerkEmail { get; init; }
}

/// <summary><c>POST /api/cycles/{id}/consultation/extend</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ExtendConsultationRequest
{
    public DateOnly? Closes { get; init; }
}

/// <summary><c>POST /api/cycles/{id}/consultation/close</c>: no fields; the body may be empty or <c>{}</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CloseConsultationRequest;

/// <summary><c>POST /api/cycles/{id}/drafts</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DraftRequest
{
    public string? Version { get; init; }

    /// <summary>An absolute https link to the draft document.</summary>
    public string? DocumentUrl { get; init; }

    public IReadOnlyList<YouSaidWeDidRequest>? YouSaidWeDid { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record YouSaidWeDidRequest
{
    public string? Theme { get; init; }

    public string? YouSaid { get; init; }

    public string? WeDid { get; init; }
}

/// <summary><c>POST /api/cycles/{id}/decisions</c>: a body's decision, recorded by the clerk after the meeting.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DecisionRequest
{
    /// <summary>The body the report is with now.</summary>
    public string? Body { get; init; }

    public DateOnly? MeetingDate { get; init; }

    public DecisionOutcome? Outcome { get; init; }

    public string? AgendaItem { get; init; }

    public string? MinuteReference { get; init; }

    public string? Resolution { get; init; }

    /// <summary>Required when the outcome is defer.</summary>
    public DateOnly? NewMeetingDate { get; init; }

    /// <summary>Required when the outcome is refer-back.</summary>
    public string? Comments { get; init; }
}
