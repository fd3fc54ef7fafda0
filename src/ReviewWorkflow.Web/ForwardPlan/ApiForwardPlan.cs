using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.ForwardPlan;

namespace ReviewWorkflow.Web.ForwardPlan;

/// <summary>The forward plan as <c>GET /api/forward-plan</c> answers it. Field names are stable (the README lists them;
/// the CSV has the same columns).</summary>
public sealed record ApiForwardPlan(DateTimeOffset LastUpdated, IReadOnlyList<ApiKeyDecision> Items)
{
    public static ApiForwardPlan From(ForwardPlanView plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.LastUpdated, [.. plan.Notices.Select(ApiKeyDecision.From)]);
    }
}

/// <summary>One key decision with the regulation 9 content. Dates are yyyy-MM-dd.</summary>
/// <param name="NoticeStatus">"on-time", "late", "general-exception" or "special-urgency".</param>
public sealed record ApiKeyDecision(
    string Reference,
    string CycleId,
    string Matter,
    string DecisionMaker,
    string DecisionDate,
    string FirstPublished,
    string NoticeDueBy,
    int ClearDaysNotice,
    string NoticeStatus,
    string? ExceptionReason,
    string? ChairName,
    string? ChairAgreedOn,
    IReadOnlyList<string> Documents,
    string DocumentsPublishedBy,
    string DocumentsAvailableFrom,
    bool Private,
    string LeadName,
    string LeadEmail)
{
    public static ApiKeyDecision From(KeyDecisionNotice n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(n.Reference, n.CycleId, n.Matter, n.DecisionMaker, DateText.Iso(n.DecisionDate), DateText.Iso(n.FirstPublished),
            DateText.Iso(n.NoticeDueBy), n.ClearDaysNotice, ForwardPlanCsv.StatusText(n.Status), n.Exception?.Reason, n.Exception?.ChairName,
            n.Exception?.ChairAgreedOn is { } agreed ? DateText.Iso(agreed) : null, n.Documents, DateText.Iso(n.DocumentsPublishedBy),
            n.DocumentsAvailableFrom, n.Private, n.Lead.Name, n.Lead.Email);
    }
}
