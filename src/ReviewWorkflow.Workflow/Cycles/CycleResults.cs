using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Json;
using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>Who is acting, and in what role (from the sign-in); written to every audit row.</summary>
public sealed record Actor(string Email, AuditRole Role);

[JsonConverter(typeof(KebabCaseEnumConverter<CycleResultKind>))]
public enum CycleResultKind
{
    /// <summary>Done (201/202).</summary>
    Accepted,
    /// <summary>The same idempotency key was used before: nothing new happened (200).</summary>
    Repeated,
    /// <summary>The input breaks a rule; see the errors (400). Nothing changed.</summary>
    Invalid,
    /// <summary>No such cycle (404).</summary>
    NotFound,
    /// <summary>Not possible in the cycle's current state, or the id is taken (409). Nothing changed.</summary>
    Conflict,
    /// <summary>The idempotency key was used before for a different request (422). Nothing changed.</summary>
    KeyReused,
}

/// <summary>The answer to a façade call: what happened, what to fix (field + message), and the cycle as it now stands.</summary>
public sealed record CycleResult(CycleResultKind Kind, string? CycleId, IReadOnlyList<ValidationError> Errors, CycleView? Cycle = null)
{
    public bool Succeeded => Kind is CycleResultKind.Accepted or CycleResultKind.Repeated;

    /// <summary>The command sent to the running orchestration (its idempotency key), when one was sent.</summary>
    public string? CommandId { get; init; }

    public static CycleResult Invalid(string? cycleId, IReadOnlyList<ValidationError> errors) => new(CycleResultKind.Invalid, cycleId, errors);

    public static CycleResult Invalid(string? cycleId, string field, string message) => new(CycleResultKind.Invalid, cycleId, [new ValidationError(field, message)]);

    public static CycleResult Conflict(string? cycleId, string field, string message) => new(CycleResultKind.Conflict, cycleId, [new ValidationError(field, message)]);

    public static CycleResult KeyReused(string? cycleId) => new(CycleResultKind.KeyReused, cycleId,
        [new ValidationError("idempotencyKey", "This Idempotency-Key was already used for a different request; use a new key for each different request. Nothing was changed.")]);

    public static CycleResult NotFound(string cycleId) => new(CycleResultKind.NotFound, cycleId, [new ValidationError("id", $"There is no review cycle '{cycleId}'.")]);
}

/// <summary>A cycle as the pages and the API show it: the orchestration's status, the active stage's details and live response counts.</summary>
public sealed record CycleView
{
    public string CycleId { get; init; } = "";

    public string Title { get; init; } = "";

    public CycleStage Stage { get; init; }

    /// <summary>The orchestration's runtime status ("running", "completed", "failed"...); "failed" needs an administrator.</summary>
    public string RuntimeStatus { get; init; } = "";

    public string? Failure { get; init; }

    public Person Lead { get; init; } = new();

    public string? CurrentBody { get; init; }

    public int? CurrentBodyIndex { get; init; }

    public CycleCounts Counts { get; init; } = new();

    public NextDeadline? NextDeadline { get; init; }

    public DateOnly ConsultationOpens { get; init; }

    public DateOnly ConsultationCloses { get; init; }

    public bool ConsultationClosedEarly { get; init; }

    public DateOnly DraftingDeadline { get; init; }

    public IReadOnlyList<RouteStep> Route { get; init; } = [];

    public IReadOnlyList<DecisionSummary> Decisions { get; init; } = [];

    public int DraftRound { get; init; }

    public string? DraftVersion { get; init; }

    public string? DraftUrl { get; init; }

    public bool DraftSignedOff { get; init; }

    public bool AwaitingSignOff { get; init; }

    public Person? DirectorSignOff { get; init; }

    public string? ReferredBackComments { get; init; }

    public DateOnly? AdoptedOn { get; init; }

    public string? ClosedReason { get; init; }

    public DateOnly? NextReviewNotifiedOn { get; init; }

    public IReadOnlyList<string> BouncedConsultees { get; init; } = [];

    /// <summary>The consultation is (or was) held because the directory could not be read at start; null when it never was.</summary>
    public ConsultationHold? ConsultationHold { get; init; }

    [JsonIgnore]
    public IReadOnlyList<string> RecentCommands { get; init; } = [];

    /// <summary>Where commands go: the active child orchestration, or the cycle itself.</summary>
    [JsonIgnore]
    public string CommandTarget { get; init; } = "";

    /// <summary>The running stage applies or refuses commands and audits the outcome itself (orchestration version 2 on);
    /// for a version 1 cycle the façade audits the command's action when it hands it over.</summary>
    [JsonIgnore]
    public bool DecidesCommands { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One consultee's progress, for the cycle page's responses table.</summary>
public sealed record ConsulteeProgress(string Id, string Name, string Email, string Group, Audience Audience, ResponseStatus Status, bool Late, bool Bounced);
