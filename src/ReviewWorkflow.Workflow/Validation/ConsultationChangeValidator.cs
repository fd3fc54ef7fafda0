using ReviewWorkflow.Workflow.Domain;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Validation;

/// <summary>Checks the lead's changes to a running consultation.</summary>
public static class ConsultationChangeValidator
{
    /// <summary>An extension must move the close later, not into the past, and still before the drafting deadline.</summary>
    public static IReadOnlyList<ValidationError> Extend(ReviewCycleDefinition definition, DateOnly newCloses, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new ErrorCollector();
        var current = definition.Consultation.Closes;
        if (!errors.Date("closes", newCloses, "the new closing date"))
        {
            return errors.Errors;
        }

        if (newCloses <= current)
        {
            errors.Add("closes", $"The consultation already closes on {Format(current)}; choose a later date to extend it, or close it early instead.");
        }
        else if (newCloses < today)
        {
            errors.Add("closes", $"The new closing date ({Format(newCloses)}) has passed; choose {Format(today)} or later.");
        }
        else if (newCloses >= definition.DraftingDeadline)
        {
            errors.Add("closes", $"The new closing date ({Format(newCloses)}) is on or after the drafting deadline ({Format(definition.DraftingDeadline)}); choose a date before it, or move the drafting deadline first.");
        }

        return errors.Errors;
    }
}
