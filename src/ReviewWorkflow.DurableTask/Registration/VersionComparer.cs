namespace ReviewWorkflow.DurableTask.Registration;

/// <summary>Orders orchestrator versions: "" first, then numeric or dotted versions by value, then other strings ordinally.</summary>
internal sealed class VersionComparer : IComparer<string>
{
    public static readonly VersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (Version.TryParse(Dotted(x), out var vx) && Version.TryParse(Dotted(y), out var vy))
        {
            return vx.CompareTo(vy);
        }

        return string.CompareOrdinal(x, y);
    }

    // "2" is not a System.Version; "2.0" is.
    private static string? Dotted(string? value) =>
        string.IsNullOrEmpty(value) ? "0.0" : value.Contains('.', StringComparison.Ordinal) ? value : value + ".0";
}
