using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Tests.Analysis;

public sealed class YouSaidWeDidEvidenceTests
{
    private const int N = 120;

    private static ThemeSet Themes(params ThemeQuote[] quotes)
    {
        var housing = SeededCycle.SubmittedIndexes(N).Where(SeededCycle.Housing).ToList();
        // Tagged twice (the comment and the whole response) and once on an unsent response: each submitted response counts once.
        var tags = housing.Select(i => new ThemeTag("t-housing", SeededCycle.Id(i), TagPart.ForPledge(1), "lead@council.example", default))
            .Concat(housing.Take(3).Select(i => new ThemeTag("t-housing", SeededCycle.Id(i), TagPart.Whole, "lead@council.example", default)))
            .Append(new ThemeTag("t-housing", SeededCycle.Id(9), TagPart.Whole, "lead@council.example", default));
        return new ThemeSet([new Theme { Id = "t-housing", Name = "Help with housing", Quotes = quotes }], [.. tags]);
    }

    [Fact]
    public void An_entry_linked_by_id_counts_each_tagged_submitted_response_once()
    {
        var cycle = SeededCycle.Build(N, Themes());
        var evidence = YouSaidWeDidEvidence.For(new YouSaidWeDid { Theme = "Housing", ThemeId = "t-housing" }, cycle);

        Assert.Equal(SeededCycle.SubmittedIndexes(N).Count(SeededCycle.Housing), evidence.Said);
        Assert.Equal("t-housing", evidence.Theme?.Id);
    }

    [Fact]
    public void An_entry_without_an_id_links_by_the_themes_name_and_otherwise_to_nothing()
    {
        var cycle = SeededCycle.Build(N, Themes());

        Assert.Equal("t-housing", YouSaidWeDidEvidence.For(new YouSaidWeDid { Theme = " help WITH housing " }, cycle).Theme?.Id);
        Assert.Equal(EntryEvidence.None, YouSaidWeDidEvidence.For(new YouSaidWeDid { Theme = "Placements" }, cycle));
    }

    [Fact]
    public void Quotes_are_attributed_by_audience_never_by_name_and_shortened_to_one_line()
    {
        var young = SeededCycle.Id(0); // group 0: children and young people
        var carer = SeededCycle.Id(5);
        var cycle = SeededCycle.Build(N, Themes(new ThemeQuote(young, TagPart.ForPledge(1)), new ThemeQuote(carer, TagPart.ForPledge(1))));

        var quotes = YouSaidWeDidEvidence.Quotes(cycle.Themes.Themes[0], cycle);

        Assert.Equal(["“Housing support matters (0)” (a child or young person)", "“Housing support matters (5)” (a carer)"], quotes);
        Assert.DoesNotContain(quotes, q => q.Contains(SeededCycle.Name(0), StringComparison.Ordinal) || q.Contains(SeededCycle.Name(5), StringComparison.Ordinal));
        var shortened = YouSaidWeDidEvidence.Shorten("line one\r\nline two " + new string('x', 10_000));
        Assert.Equal(ThemeRules.QuoteLength, shortened.Length);
        Assert.StartsWith("line one line two", shortened, StringComparison.Ordinal);
        Assert.EndsWith("…", shortened, StringComparison.Ordinal);
    }
}
