using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Deadlines;

namespace ReviewWorkflow.Workflow.ForwardPlan;

/// <summary>The notice rules for a key decision, in clear days (the council's setting says whether weekends and bank
/// holidays count). Pure functions of their arguments.</summary>
public static class KeyDecisionTiming
{
    /// <summary>A general exception needs the notice published 5 clear days before the decision (reg 10(2)(c)).</summary>
    public const int GeneralExceptionClearDays = 5;

    /// <summary>True when a notice first published on <paramref name="firstPublished"/> leaves the council's notice clear days before <paramref name="decisionDate"/>.</summary>
    public static bool NoticeInTime(DateOnly firstPublished, DateOnly decisionDate, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ClearDays.CountClearDays(firstPublished, decisionDate, settings) >= settings.KeyDecisionNoticeClearDays;
    }

    /// <summary>True when a general-exception notice published on <paramref name="today"/> still leaves 5 clear days.</summary>
    public static bool GeneralExceptionPossible(DateOnly today, DateOnly decisionDate, CouncilSettings settings) =>
        ClearDays.CountClearDays(today, decisionDate, settings) >= GeneralExceptionClearDays;
}
