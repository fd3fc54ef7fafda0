namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>Settings of the responses analysis, bound from the "Workflow" section like the other workflow tables
/// (<c>Workflow__ThemesTable</c>), kept in their own class so the themes feature stays in its folder.</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Workflow";

    /// <summary>The table holding each cycle's themes, tags and chosen quotes (partition = cycle id).</summary>
    public string ThemesTable { get; set; } = "ReviewThemes";
}
