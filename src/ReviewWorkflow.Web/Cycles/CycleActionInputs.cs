namespace ReviewWorkflow.Web.Cycles;

/// <summary>The extend form: the new closing date (ISO, as a date input sends it).</summary>
public sealed class ExtendInput
{
    public string? Closes { get; set; }
}

/// <summary>The draft form: version, link and a fixed number of "you said, we did" rows (blank rows are skipped).</summary>
public sealed class DraftInput
{
    public const int Rows = 3;

    public string? Version { get; set; }

    public string? DocumentUrl { get; set; }

    public List<YouSaidWeDidRow> YouSaidWeDid { get; set; } = [];

    public DraftInput WithRows()
    {
        while (YouSaidWeDid.Count < Rows)
        {
            YouSaidWeDid.Add(new YouSaidWeDidRow());
        }

        return this;
    }
}

public sealed class YouSaidWeDidRow
{
    public string? Theme { get; set; }

    public string? YouSaid { get; set; }

    public string? WeDid { get; set; }

    /// <summary>The lead's theme this entry answers (chosen from the responses page's themes); optional.</summary>
    public string? ThemeId { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Theme) && string.IsNullOrWhiteSpace(YouSaid) && string.IsNullOrWhiteSpace(WeDid);
}

/// <summary>The director's sign-off form.</summary>
public sealed class SignOffInput
{
    /// <summary>"yes" or "no".</summary>
    public string? Approved { get; set; }

    public string? Comments { get; set; }
}
