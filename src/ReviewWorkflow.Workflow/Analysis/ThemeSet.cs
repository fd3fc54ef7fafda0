namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>A cycle's themes and tags as read in one partition query.</summary>
public sealed record ThemeSet(IReadOnlyList<Theme> Themes, IReadOnlyList<ThemeTag> Tags)
{
    public static ThemeSet Empty { get; } = new([], []);

    public Theme? Find(string? themeId) => Themes.FirstOrDefault(t => t.Id == themeId);

    public Theme? FindByName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : Themes.FirstOrDefault(t => string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ThemeTag> TagsOf(string themeId) => Tags.Where(t => t.ThemeId == themeId);

    public IEnumerable<ThemeTag> TagsOn(string consulteeId) => Tags.Where(t => t.ConsulteeId == consulteeId);

    public bool IsTagged(string themeId, string consulteeId, TagPart part) =>
        Tags.Any(t => t.ThemeId == themeId && t.ConsulteeId == consulteeId && t.Part == part);
}
