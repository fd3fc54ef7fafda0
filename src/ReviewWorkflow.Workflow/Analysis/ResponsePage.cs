using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>One page of the responses a filter matched, with counts over everything it matched (not just the page).</summary>
public sealed record ResponsePage
{
    public ResponseFilter Filter { get; init; } = new();

    public IReadOnlyList<SubmittedResponse> Items { get; init; } = [];

    /// <summary>Responses the filter matched, on every page.</summary>
    public int Matched { get; init; }

    public int MatchedLate { get; init; }

    /// <summary>All submitted responses of the cycle, whatever the filter.</summary>
    public int Submitted { get; init; }

    public int SavedNotSent { get; init; }

    public int Page { get; init; } = 1;

    public int PageCount { get; init; }

    /// <summary>The page asked for is past the last page.</summary>
    public bool OutOfRange { get; init; }

    public IReadOnlyList<(string Group, Audience Audience, int Count)> ByGroup { get; init; } = [];

    public IReadOnlyList<(Audience Audience, int Count)> ByAudience { get; init; } = [];

    /// <summary>Per pledge and audience, the views in the matched responses.</summary>
    public IReadOnlyList<PledgeSpread> Views { get; init; } = [];

    /// <summary>Per theme (by id), how many matched responses carry it.</summary>
    public IReadOnlyDictionary<string, int> ByTheme { get; init; } = new Dictionary<string, int>();
}
