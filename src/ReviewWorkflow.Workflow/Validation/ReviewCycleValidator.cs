using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Validation;

/// <summary>
/// Refuses review cycles that cannot run as planned, saying what to fix: missing or over-long text, bad addresses,
/// duplicate consultees, an empty or out-of-order route, dates that do not leave time to consult, draft and publish,
/// and key-decision notice dates already passed. An empty list means the cycle can start.
/// </summary>
public static partial class ReviewCycleValidator
{
    /// <param name="definition">The cycle as the lead entered it.</param>
    /// <param name="settings">The council's clear-day and reminder rules.</param>
    /// <param name="today">The council's date today (see <see cref="CouncilClock"/>); no clock is read here.</param>
    public static IReadOnlyList<ValidationError> Validate(ReviewCycleDefinition definition, CouncilSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new ErrorCollector();
        ValidateId(errors, definition.Id);
        ValidateStrategy(errors, definition.Strategy ?? new Strategy());
        ValidatePeople(errors, definition);
        ValidateConsultees(errors, definition);
        ValidateDates(errors, definition, settings, today);
        return errors.Errors;
    }

    private static void ValidateId(ErrorCollector errors, string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > Limits.Id || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add("id", $"Give the cycle an id of 1 to {Limits.Id} letters, digits, '-' or '_'.");
        }
    }
}
