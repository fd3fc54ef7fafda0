namespace ReviewWorkflow.Web.Privacy;

/// <summary>Configuration section <c>Web:Privacy</c>: the privacy notice on the consultee form (UK GDPR articles 13
/// and 14: who holds the data, why, for how long, how to ask for it or have it removed). Unset parts take defaults
/// built from the council's name and retention months.</summary>
public sealed class PrivacyNoticeOptions
{
    public const string SectionName = "Web:Privacy";

    /// <summary>Who holds the data (the data controller). Default: <see cref="WebOptions.CouncilName"/>.</summary>
    public string? Controller { get; set; }

    /// <summary>Where to ask for a copy of the data or have it removed (an email address or web page).</summary>
    public string? Contact { get; set; }

    /// <summary>The whole notice for adults, replacing the default text (plain text; paragraphs separated by blank lines).</summary>
    public string? Notice { get; set; }

    /// <summary>The whole notice for children and young people, in plain words, replacing the default text.</summary>
    public string? YoungPeopleNotice { get; set; }
}
