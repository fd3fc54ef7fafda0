namespace ReviewWorkflow.DurableTask.Privacy;

/// <summary>One value to take out of the task hub and what to put in its place (the same length of JSON is not needed:
/// payloads are rewritten whole).</summary>
/// <param name="IgnoreCase">Email addresses are compared without case; names exactly.</param>
public sealed record TaskHubRedaction(string Find, string Replace, bool IgnoreCase = false);
