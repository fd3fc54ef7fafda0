namespace ReviewWorkflow.DurableTask.Privacy;

/// <summary>One value to take out of the task hub and what to put in its place, matched as a whole word (payloads are
/// rewritten whole, so the replacement may be longer or shorter).</summary>
/// <param name="IgnoreCase">Email addresses are compared without case; names exactly.</param>
public sealed record TaskHubRedaction(string Find, string Replace, bool IgnoreCase = false);
