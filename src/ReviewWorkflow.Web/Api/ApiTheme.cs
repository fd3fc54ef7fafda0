using ReviewWorkflow.Workflow.Analysis;

namespace ReviewWorkflow.Web.Api;

/// <summary>
/// A theme of the cycle's lead with its links (in the cycle's API resource, for its lead and administrators): the
/// responses it is on (<see cref="Tags"/>, each a consultee id and part), the quotes chosen, the draft's "you said, we
/// did" entries linked to it, and how many submitted responses carry it.
/// </summary>
public sealed record ApiTheme(string Id, string Name, int Responses, IReadOnlyList<ApiThemeLink> Tags, IReadOnlyList<ApiThemeLink> Quotes, IReadOnlyList<string> YouSaidWeDid)
{
    public static IReadOnlyList<ApiTheme> From(CycleResponses cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return [.. cycle.Themes.Themes.Select(t => new ApiTheme(
            t.Id,
            t.Name,
            YouSaidWeDidEvidence.Said(t, cycle),
            [.. cycle.Themes.TagsOf(t.Id).Select(x => new ApiThemeLink(x.ConsulteeId, x.Part.Text))],
            [.. t.Quotes.Select(q => new ApiThemeLink(q.ConsulteeId, q.Part.Text))],
            [.. cycle.YouSaidWeDid.Where(y => YouSaidWeDidEvidence.For(y, cycle).Theme?.Id == t.Id).Select(y => y.Theme)]))];
    }
}

/// <summary>A response (by consultee id) and the part of it: "response", "general" or "pledge-n".</summary>
public sealed record ApiThemeLink(string ConsulteeId, string Part);
