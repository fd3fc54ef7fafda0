namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>
/// Filters, counts and pages a cycle's submitted responses in memory. The responses are one partition query of the
/// responses table (the cycle's rows) read once per request; filtering 2,000 responses of about 1 KB each is a linear
/// scan of a few megabytes, well under the cost of the query itself, and a page shows <see cref="ResponseFilter.PageSize"/>.
/// </summary>
public static class ResponseQuery
{
    public static ResponsePage Run(CycleResponses cycle, ResponseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(filter);
        var matched = Matching(cycle, filter);
        var pageCount = (matched.Count + ResponseFilter.PageSize - 1) / ResponseFilter.PageSize;
        var outOfRange = filter.Page > Math.Max(pageCount, 1);
        var ids = matched.Select(r => r.ConsulteeId).ToHashSet(StringComparer.Ordinal);
        return new ResponsePage
        {
            Filter = filter,
            Items = outOfRange ? [] : [.. matched.Skip((filter.Page - 1) * ResponseFilter.PageSize).Take(ResponseFilter.PageSize)],
            Matched = matched.Count,
            MatchedLate = matched.Count(r => r.Late),
            Submitted = cycle.Responses.Count,
            SavedNotSent = cycle.SavedNotSent,
            Page = filter.Page,
            PageCount = pageCount,
            OutOfRange = outOfRange,
            ByGroup = [.. cycle.Groups.Select(g => (g.Name, g.Audience, matched.Count(r => r.Group == g.Name)))],
            ByAudience = [.. Enum.GetValues<Domain.Audience>().Select(a => (a, matched.Count(r => r.Audience == a)))],
            Views = PledgeSpread.Of(cycle.Pledges, matched),
            ByTheme = cycle.Themes.Themes.ToDictionary(
                t => t.Id,
                t => cycle.Themes.TagsOf(t.Id).Select(x => x.ConsulteeId).Where(ids.Contains).Distinct(StringComparer.Ordinal).Count(),
                StringComparer.Ordinal),
        };
    }

    /// <summary>Every response the filter matches (all pages), oldest first: what the CSV holds.</summary>
    public static List<SubmittedResponse> Matching(CycleResponses cycle, ResponseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(filter);
        var tagged = filter.ThemeId is { } themeId
            ? cycle.Themes.TagsOf(themeId).Select(t => t.ConsulteeId).ToHashSet(StringComparer.Ordinal)
            : null;
        return [.. cycle.Responses.Where(r => Matches(r, filter, tagged))];
    }

    private static bool Matches(SubmittedResponse response, ResponseFilter filter, HashSet<string>? tagged)
    {
        if ((filter.Group is { } group && response.Group != group)
            || (filter.Audience is { } audience && response.Audience != audience)
            || (tagged is not null && !tagged.Contains(response.ConsulteeId)))
        {
            return false;
        }

        if (filter.Pledge is { } pledge)
        {
            if (response.AnswerOn(pledge) is not { } answer || (filter.View is { } view && answer.View != view))
            {
                return false;
            }
        }
        else if (filter.View is { } anyView && !response.Answers.Any(a => a.View == anyView))
        {
            return false;
        }

        return filter.Search is not { } search || Contains(response, search);
    }

    /// <summary>Case-insensitive, in the name, the group and every comment.</summary>
    private static bool Contains(SubmittedResponse response, string search) =>
        response.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
        || response.Group.Contains(search, StringComparison.OrdinalIgnoreCase)
        || (response.Comments?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
        || response.Answers.Any(a => a.Comment?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);
}
