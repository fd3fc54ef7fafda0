using ReviewWorkflow.Workflow.Domain;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Validation;

public static partial class ReviewCycleValidator
{
    private static void ValidateStrategy(ErrorCollector errors, Strategy strategy)
    {
        errors.Line("strategy.title", strategy.Title, "the strategy's title", Limits.Title);
        if (!string.IsNullOrWhiteSpace(strategy.OwningService))
        {
            // Optional: the committee report's header asks the author to fill it in when it is missing.
            errors.Line("strategy.owningService", strategy.OwningService, "the service that owns the strategy", Limits.Name);
        }

        var hasStart = errors.Date("strategy.periodStart", strategy.PeriodStart, "the date the strategy's period starts");
        var hasEnd = errors.Date("strategy.periodEnd", strategy.PeriodEnd, "the date the strategy's period ends");
        if (hasStart && hasEnd && strategy.PeriodEnd <= strategy.PeriodStart)
        {
            errors.Add("strategy.periodEnd", $"The period ends ({Format(strategy.PeriodEnd)}) on or before it starts ({Format(strategy.PeriodStart)}); enter an end date after the start.");
        }

        if (strategy.Expiry is { } expiry && hasStart && expiry <= strategy.PeriodStart)
        {
            errors.Add("strategy.expiry", $"The strategy expires ({Format(expiry)}) on or before its period starts ({Format(strategy.PeriodStart)}); enter a later expiry date, or leave it empty to use the end of the period.");
        }

        ValidatePledges(errors, strategy);
    }

    private static void ValidatePledges(ErrorCollector errors, Strategy strategy)
    {
        var pledges = strategy.Pledges ?? [];
        var noun = strategy.Kind == StrategyKind.Pledge ? "pledge" : "priority";
        if (strategy.Kind == StrategyKind.Pledge && pledges.Count == 0)
        {
            errors.Add("strategy.pledges", "A pledge document needs its pledges: add at least one pledge, in order.");
        }

        errors.Count("strategy.pledges", pledges, noun == "pledge" ? "pledges" : "priorities", Limits.Pledges);
        for (var i = 0; i < pledges.Count; i++)
        {
            errors.Text($"strategy.pledges[{i}]", pledges[i], $"the text of {noun} {i + 1}", Limits.Pledge);
        }
    }
}
