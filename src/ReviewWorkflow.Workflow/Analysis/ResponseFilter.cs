using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>
/// Which submitted responses to show: by group, audience, pledge, view (on the pledge chosen, or on any pledge), theme and
/// words in the text; and which page of <see cref="PageSize"/>. Built by <see cref="ResponseFilterParser"/> from the
/// page's or the API's query string, which refuses anything it does not understand.
/// </summary>
public sealed record ResponseFilter
{
    public const int PageSize = 50;

    /// <summary>Longest search accepted: enough for a phrase, short enough to keep a search cheap.</summary>
    public const int MaxSearchLength = 200;

    public string? Group { get; init; }

    public Audience? Audience { get; init; }

    /// <summary>1-based.</summary>
    public int? Pledge { get; init; }

    public PledgeView? View { get; init; }

    public string? ThemeId { get; init; }

    public string? Search { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public bool IsEmpty => Group is null && Audience is null && Pledge is null && View is null && ThemeId is null && Search is null;
}
