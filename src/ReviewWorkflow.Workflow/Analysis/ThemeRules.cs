namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>The limits on themes: short names, a handful of quotes, quotes short enough for a committee report.</summary>
public static class ThemeRules
{
    public const int MaxNameLength = 80;

    public const int MaxThemes = 100;

    /// <summary>"One or two short quotes" per "you said, we did" entry.</summary>
    public const int MaxQuotes = 2;

    /// <summary>A quote longer than this is shortened (with an ellipsis) where it is shown in a report.</summary>
    public const int QuoteLength = 280;
}
