using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Api;

/// <summary>One page of a cycle's submitted responses and the counts over everything the filters matched
/// (<c>GET /api/cycles/{id}/responses</c>). Saved-but-unsent answers are only counted (<see cref="SavedNotSent"/>).</summary>
public sealed record ApiResponsesPage(
    int Page,
    int PageSize,
    int PageCount,
    int Matched,
    int MatchedLate,
    int Submitted,
    int SavedNotSent,
    IReadOnlyList<ApiGroupCount> ByGroup,
    IReadOnlyList<ApiAudienceCount> ByAudience,
    IReadOnlyList<ApiPledgeViews> Views,
    IReadOnlyList<ApiThemeCount> Themes,
    IReadOnlyList<ApiSubmittedResponse> Items)
{
    public static ApiResponsesPage From(CycleResponses cycle, ResponsePage page)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(page);
        return new ApiResponsesPage(page.Page, ResponseFilter.PageSize, page.PageCount, page.Matched, page.MatchedLate, page.Submitted, page.SavedNotSent,
            [.. page.ByGroup.Select(g => new ApiGroupCount(g.Group, g.Audience, g.Count))],
            [.. page.ByAudience.Select(a => new ApiAudienceCount(a.Audience, a.Count))],
            [.. page.Views.Select(p => new ApiPledgeViews(p.Pledge, p.Text, [.. p.Audiences.Select(a => new ApiAudienceViews(a.Audience, a.Agree, a.Partly, a.Disagree, a.DontKnow))]))],
            [.. cycle.Themes.Themes.Select(t => new ApiThemeCount(t.Id, t.Name, page.ByTheme.TryGetValue(t.Id, out var n) ? n : 0))],
            [.. page.Items.Select(r => new ApiSubmittedResponse(r.ConsulteeId, r.Name, r.Group, r.Audience, r.Late, r.SubmittedAt,
                [.. r.Answers.Select(a => new ApiAnswer(a.Pledge, a.View, a.Comment))], r.Comments,
                [.. cycle.Themes.TagsOn(r.ConsulteeId).Select(t => new ApiTagOn(t.ThemeId, t.Part.Text))]))]);
    }
}

public sealed record ApiGroupCount(string Group, Audience Audience, int Responses);

public sealed record ApiAudienceCount(Audience Audience, int Responses);

/// <summary>Views on one pledge (1-based) per audience, from the matched responses.</summary>
public sealed record ApiPledgeViews(int Pledge, string Text, IReadOnlyList<ApiAudienceViews> Audiences);

public sealed record ApiAudienceViews(Audience Audience, int Agree, int Partly, int Disagree, int DontKnow);

/// <summary>A theme and how many of the matched responses carry it.</summary>
public sealed record ApiThemeCount(string Id, string Name, int Responses);

public sealed record ApiSubmittedResponse(string ConsulteeId, string Name, string Group, Audience Audience, bool Late, DateTimeOffset? SubmittedAt,
    IReadOnlyList<ApiAnswer> Answers, string? Comments, IReadOnlyList<ApiTagOn> Themes);

public sealed record ApiAnswer(int Pledge, PledgeView View, string? Comment);

/// <summary>A theme on a response: <see cref="Part"/> is "response", "general" or "pledge-n".</summary>
public sealed record ApiTagOn(string ThemeId, string Part);
