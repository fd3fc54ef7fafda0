namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>A theme the lead named for a cycle, with the (at most <see cref="ThemeRules.MaxQuotes"/>) quotes chosen for it.</summary>
public sealed record Theme
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string CreatedBy { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<ThemeQuote> Quotes { get; init; } = [];

    /// <summary>The table's ETag of the theme row: quote changes are written guarded by it.</summary>
    public string? ETag { get; init; }
}
