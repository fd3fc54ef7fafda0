using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.ForwardPlan;

/// <summary>
/// One upcoming key decision on the forward plan, with what regulation 9 of SI 2012/2089 asks a notice to say: the
/// matter, the decision maker, the date, the documents and where to get them, and whether it is taken in private.
/// </summary>
public sealed record KeyDecisionNotice
{
    /// <summary>The forward plan reference: the cycle id and the 1-based place of the body on the route.</summary>
    public string Reference { get; init; } = "";

    public string CycleId { get; init; } = "";

    /// <summary>0-based place of the body on the cycle's route.</summary>
    public int RouteIndex { get; init; }

    /// <summary>The matter to be decided (reg 9(1)(a)).</summary>
    public string Matter { get; init; } = "";

    /// <summary>The decision-making body (reg 9(1)(b)).</summary>
    public string DecisionMaker { get; init; } = "";

    /// <summary>The meeting at which the decision is to be made (reg 9(1)(c)); a deferral moves it.</summary>
    public DateOnly DecisionDate { get; init; }

    /// <summary>The documents submitted to the decision maker (reg 9(1)(d)).</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>Where copies of the documents are available, and how to ask for them (reg 9(1)(e)-(g)).</summary>
    public string DocumentsAvailableFrom { get; init; } = "";

    /// <summary>The last day the report is published (the 5-clear-day deadline): the documents are available from then.</summary>
    public DateOnly DocumentsPublishedBy { get; init; }

    /// <summary>Whether the decision is to be taken in private (reg 9(1)(h)). The route does not mark exempt items yet, so false.</summary>
    public bool Private { get; init; }

    /// <summary>The date the notice was first published on the forward plan.</summary>
    public DateOnly FirstPublished { get; init; }

    /// <summary>The last day a notice could be published with the council's clear days (28 by default) before the decision.</summary>
    public DateOnly NoticeDueBy { get; init; }

    /// <summary>Clear days between <see cref="FirstPublished"/> and <see cref="DecisionDate"/>.</summary>
    public int ClearDaysNotice { get; init; }

    public NoticeStatus Status { get; init; }

    /// <summary>The exception the clerk recorded, when notice was late.</summary>
    public KeyDecisionExceptionRecord? Exception { get; init; }

    /// <summary>When late and no exception yet: whether a general exception is still possible (5 clear days remain), else only special urgency.</summary>
    public bool GeneralExceptionPossible { get; init; }

    public Person Lead { get; init; } = new();

    public string? ClerkEmail { get; init; }

    /// <summary>Late and no exception recorded: the cycle page and the clerk's list ask for one.</summary>
    public bool NeedsException => Status == NoticeStatus.Late;
}
