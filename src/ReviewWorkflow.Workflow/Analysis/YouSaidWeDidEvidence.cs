using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>
/// Links a "you said, we did" entry to its theme (by id, or else by the theme's name) and so to the responses behind it:
/// the count is the submitted responses tagged with the theme (whole or any comment, each response once); the quotes
/// are the comments the lead chose, shortened to <see cref="ThemeRules.QuoteLength"/> and attributed by audience only
/// ("a child or young person"), so no child is named in a report.
/// </summary>
public static class YouSaidWeDidEvidence
{
    public static EntryEvidence For(YouSaidWeDid entry, CycleResponses responses)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(responses);
        var theme = responses.Themes.Find(entry.ThemeId) ?? responses.Themes.FindByName(entry.Theme);
        return theme is null ? EntryEvidence.None : new EntryEvidence(theme, Said(theme, responses), Quotes(theme, responses));
    }

    /// <summary>How many submitted responses carry <paramref name="theme"/>.</summary>
    public static int Said(Theme theme, CycleResponses responses)
    {
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(responses);
        return responses.Themes.TagsOf(theme.Id).Select(t => t.ConsulteeId).Distinct(StringComparer.Ordinal).Count(id => responses.Find(id) is not null);
    }

    public static IReadOnlyList<string> Quotes(Theme theme, CycleResponses responses)
    {
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(responses);
        return [.. theme.Quotes.Take(ThemeRules.MaxQuotes)
            .Select(q => responses.Find(q.ConsulteeId) is { } r && r.CommentOn(q.Part) is { } text ? $"“{Shorten(text)}” ({Who(r.Audience)})" : null)
            .OfType<string>()];
    }

    /// <summary>A quote on one line, at most <see cref="ThemeRules.QuoteLength"/> characters.</summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= ThemeRules.QuoteLength ? line : line[..(ThemeRules.QuoteLength - 1)].TrimEnd() + "…";
    }

    public static string Who(Audience audience) => audience switch
    {
        Audience.YoungPeople => "a child or young person",
        Audience.Carers => "a carer",
        Audience.Staff => "a member of staff",
        _ => "a partner",
    };
}
