using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>The answer to a theme change: what happened (as a cycle command's <see cref="CycleResultKind"/>), what to
/// fix, and the theme concerned.</summary>
public sealed record ThemeResult(CycleResultKind Kind, IReadOnlyList<ValidationError> Errors, string? ThemeId = null)
{
    public bool Succeeded => Kind is CycleResultKind.Accepted or CycleResultKind.Repeated;

    public static ThemeResult Invalid(string field, string message) => new(CycleResultKind.Invalid, [new ValidationError(field, message)]);

    public static ThemeResult NotFound(string cycleId) => new(CycleResultKind.NotFound, [new ValidationError("id", $"There is no review cycle '{cycleId}'.")]);

    public static ThemeResult Conflict(string field, string message) => new(CycleResultKind.Conflict, [new ValidationError(field, message)]);
}
