using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Web.Pages.Clerk;

/// <summary>The outcomes a clerk can record on the page, with their form values and hints.</summary>
public static class OutcomeChoices
{
    public sealed record Choice(DecisionOutcome Outcome, string Value, string Label, string Hint);

    public static IReadOnlyList<Choice> All { get; } =
    [
        new(DecisionOutcome.Endorse, "endorse", "Endorse", "The body supports the strategy; the report goes on to the next body on the route (or the strategy is adopted if this was the last)."),
        new(DecisionOutcome.Recommend, "recommend", "Recommend", "The body recommends it to the next body, for example Cabinet recommends to Full Council. Not for the last body."),
        new(DecisionOutcome.Approve, "approve", "Approve", "The body approves the strategy: it is adopted, whatever bodies remain on the route."),
        new(DecisionOutcome.Adopt, "adopt", "Adopt", "The body adopts the strategy: it is in force and monitoring starts."),
        new(DecisionOutcome.Defer, "defer", "Defer", "Put off to a later meeting of the same body. Enter the new meeting date below."),
        new(DecisionOutcome.ReferBack, "refer-back", "Refer back", "Sent back to the strategy lead to change. Enter the body's comments below; the report comes back to this body."),
        new(DecisionOutcome.Reject, "reject", "Reject", "The body rejects the strategy; the review cycle closes without adoption."),
    ];

    public static Choice? Find(string? value) =>
        All.FirstOrDefault(c => string.Equals(c.Value, value?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Describe(DecisionOutcome outcome) =>
        All.FirstOrDefault(c => c.Outcome == outcome)?.Label.ToLowerInvariant() ?? outcome.ToString().ToLowerInvariant();
}
