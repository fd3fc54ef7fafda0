using System.Globalization;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>Reads a <see cref="ResponseFilter"/> from query values (as typed in a URL) against the cycle's pledges,
/// groups and themes; every value it cannot use is an error naming the parameter, and nothing is guessed.</summary>
public static class ResponseFilterParser
{
    public static (ResponseFilter Filter, IReadOnlyList<ValidationError> Errors) Parse(
        CycleResponses cycle, string? group, string? audience, string? pledge, string? view, string? theme, string? search, string? page)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var errors = new List<ValidationError>();
        var filter = new ResponseFilter();

        if (Present(group) is { } g)
        {
            if (cycle.Groups.Any(x => x.Name == g))
            {
                filter = filter with { Group = g };
            }
            else
            {
                errors.Add(new("group", "Choose one of the cycle's groups."));
            }
        }

        if (Present(audience) is { } a)
        {
            if (WireNames.Parse<Audience>(a) is { } parsed)
            {
                filter = filter with { Audience = parsed };
            }
            else
            {
                errors.Add(new("audience", "Choose an audience: young-people, carers, staff or partners."));
            }
        }

        if (Present(pledge) is { } p)
        {
            if (int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= cycle.Pledges.Count)
            {
                filter = filter with { Pledge = number };
            }
            else
            {
                errors.Add(new("pledge", string.Create(CultureInfo.InvariantCulture, $"There is no pledge '{Short(p)}': choose a number from 1 to {cycle.Pledges.Count}.")));
            }
        }

        if (Present(view) is { } v)
        {
            if (WireNames.Parse<PledgeView>(v) is { } parsed)
            {
                filter = filter with { View = parsed };
            }
            else
            {
                errors.Add(new("view", "Choose a view: agree, partly, disagree or dont-know."));
            }
        }

        if (Present(theme) is { } t)
        {
            if (cycle.Themes.Find(t) is not null)
            {
                filter = filter with { ThemeId = t };
            }
            else
            {
                errors.Add(new("theme", "Choose one of the cycle's themes."));
            }
        }

        if (Present(search) is { } s)
        {
            if (s.Length > ResponseFilter.MaxSearchLength)
            {
                errors.Add(new("q", string.Create(CultureInfo.InvariantCulture, $"Search for {ResponseFilter.MaxSearchLength} characters or fewer.")));
            }
            else
            {
                filter = filter with { Search = s };
            }
        }

        if (Present(page) is { } n)
        {
            if (int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
            {
                filter = filter with { Page = number };
            }
            else
            {
                errors.Add(new("page", "Give the page as a whole number from 1."));
            }
        }

        return (filter, errors);
    }

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Short(string value) => value.Length > 20 ? value[..20] + "…" : value;
}
