namespace ReviewWorkflow.Workflow.Validation;

/// <summary>The one rule for idempotency keys, wherever they arrive (the API's Idempotency-Key header, the façade's
/// commands): 1 to <see cref="MaxLength"/> characters, not blank.</summary>
public static class IdempotencyKeys
{
    public const int MaxLength = 200;

    public static bool IsValid(string? key) => !string.IsNullOrWhiteSpace(key) && key.Length <= MaxLength;

    /// <summary>What to send instead, ending with why (e.g. "a retried request is applied once").</summary>
    public static string Advice(string what, string why) => $"Send {what} of 1 to {MaxLength} characters, so {why}.";
}
