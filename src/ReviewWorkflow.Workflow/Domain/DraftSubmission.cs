namespace ReviewWorkflow.Workflow.Domain;

/// <summary>A draft from the lead: its version, where the document is, and "you said, we did" per theme or pledge.</summary>
public sealed record DraftSubmission
{
    public string Version { get; init; } = "";

    /// <summary>An absolute http(s) link to the draft document.</summary>
    public string DocumentUrl { get; init; } = "";

    public IReadOnlyList<YouSaidWeDid> YouSaidWeDid { get; init; } = [];
}

/// <summary>How consultees' input was used: what they said about a theme, and what the draft does about it.</summary>
public sealed record YouSaidWeDid
{
    public string Theme { get; init; } = "";

    public string YouSaid { get; init; } = "";

    public string WeDid { get; init; } = "";

    /// <summary>The lead's theme (from the responses page) this entry answers, so the report counts the responses behind
    /// it and shows its chosen quotes; null links by <see cref="Theme"/> matching a theme's name, if one does.</summary>
    public string? ThemeId { get; init; }
}
