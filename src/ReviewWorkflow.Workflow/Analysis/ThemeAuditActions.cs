namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>The audit actions of theme changes (text, as <c>AuditActions</c>; kept beside the feature that writes them).</summary>
public static class ThemeAuditActions
{
    public const string ThemeCreated = nameof(ThemeCreated);
    public const string ResponseTagged = nameof(ResponseTagged);
    public const string ResponseUntagged = nameof(ResponseUntagged);
    public const string QuoteChosen = nameof(QuoteChosen);
    public const string QuoteRemoved = nameof(QuoteRemoved);
}
