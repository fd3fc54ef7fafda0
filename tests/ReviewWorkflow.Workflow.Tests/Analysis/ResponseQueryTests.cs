using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Tests.Analysis;

/// <summary>Filters, counts and paging over a seeded cycle of 800 consultees (640 submitted, 80 only saved); every
/// expected figure is counted from <see cref="SeededCycle"/>'s rules, not from the code under test.</summary>
public sealed class ResponseQueryTests
{
    private const int N = 800;
    private static readonly CycleResponses Cycle = SeededCycle.Build(N);
    private static readonly int[] Submitted = [.. SeededCycle.SubmittedIndexes(N)];

    [Fact]
    public void Only_submitted_responses_are_shown_and_saved_answers_are_counted_apart()
    {
        var page = ResponseQuery.Run(Cycle, new ResponseFilter());

        Assert.Equal(640, Submitted.Length);
        Assert.Equal(Submitted.Length, page.Submitted);
        Assert.Equal(Submitted.Length, page.Matched);
        Assert.Equal(Enumerable.Range(0, N).Count(SeededCycle.Saved), page.SavedNotSent);
        Assert.DoesNotContain(Cycle.Responses, r => Enumerable.Range(0, N).Where(i => !SeededCycle.Submitted(i)).Select(SeededCycle.Id).Contains(r.ConsulteeId));
        Assert.Equal(Submitted.Count(SeededCycle.Late), page.MatchedLate);
    }

    [Fact]
    public void Filtering_by_group_and_audience_counts_only_that_group_and_audience()
    {
        var byGroup = ResponseQuery.Run(Cycle, new ResponseFilter { Group = SeededCycle.Groups[1].Name });
        var byAudience = ResponseQuery.Run(Cycle, new ResponseFilter { Audience = Audience.Partners });

        Assert.Equal(Submitted.Count(i => i % 4 == 1), byGroup.Matched);
        Assert.All(byGroup.ByGroup, g => Assert.Equal(g.Group == SeededCycle.Groups[1].Name ? byGroup.Matched : 0, g.Count));
        Assert.Equal(Submitted.Count(i => i % 4 == 3), byAudience.Matched);
        Assert.Equal(byAudience.Matched, byAudience.ByAudience.Single(a => a.Audience == Audience.Partners).Count);
        Assert.All(byAudience.Items, r => Assert.Equal(Audience.Partners, r.Audience));
    }

    [Fact]
    public void A_view_on_a_pledge_matches_only_that_answer_and_a_view_alone_matches_any_pledge()
    {
        var onPledge2 = ResponseQuery.Run(Cycle, new ResponseFilter { Pledge = 2, View = PledgeView.Disagree });
        var anyPledge = ResponseQuery.Run(Cycle, new ResponseFilter { View = PledgeView.Disagree });
        var answered2 = ResponseQuery.Run(Cycle, new ResponseFilter { Pledge = 2 });

        Assert.Equal(Submitted.Count(i => SeededCycle.Answers2(i) && SeededCycle.View2(i) == PledgeView.Disagree), onPledge2.Matched);
        Assert.Equal(Submitted.Count(i => SeededCycle.View1(i) == PledgeView.Disagree || (SeededCycle.Answers2(i) && SeededCycle.View2(i) == PledgeView.Disagree)), anyPledge.Matched);
        Assert.Equal(Submitted.Count(SeededCycle.Answers2), answered2.Matched);
    }

    [Fact]
    public void The_views_at_a_glance_follow_the_filters()
    {
        var carers = ResponseQuery.Run(Cycle, new ResponseFilter { Audience = Audience.Carers, Search = "housing" });
        var pledge1 = carers.Views.Single(v => v.Pledge == 1);

        foreach (var view in Enum.GetValues<PledgeView>())
        {
            Assert.Equal(Submitted.Count(i => i % 4 == 1 && SeededCycle.Housing(i) && SeededCycle.View1(i) == view), pledge1.Audiences.Single(a => a.Audience == Audience.Carers).Count(view));
        }

        Assert.All(pledge1.Audiences.Where(a => a.Audience != Audience.Carers), a => Assert.Equal(0, a.Answers));
        Assert.Equal(4, pledge1.Audiences.Count);
    }

    [Fact]
    public void Search_is_case_insensitive_over_comments_and_general_comments()
    {
        var housing = ResponseQuery.Run(Cycle, new ResponseFilter { Search = "HOUSING support" });
        var school = ResponseQuery.Run(Cycle, new ResponseFilter { Search = "help with school", Group = SeededCycle.Groups[0].Name });

        Assert.Equal(Submitted.Count(SeededCycle.Housing), housing.Matched);
        Assert.Equal(Submitted.Count(i => SeededCycle.General(i) && i % 4 == 0), school.Matched);
    }

    [Fact]
    public void Pages_hold_fifty_in_submission_order_and_a_page_past_the_last_is_out_of_range()
    {
        var third = ResponseQuery.Run(Cycle, new ResponseFilter { Page = 3 });
        var last = ResponseQuery.Run(Cycle, new ResponseFilter { Page = 13 });
        var beyond = ResponseQuery.Run(Cycle, new ResponseFilter { Page = 14 });

        Assert.Equal(13, third.PageCount);
        Assert.Equal(Submitted.Skip(100).Take(50).Select(SeededCycle.Id), third.Items.Select(r => r.ConsulteeId));
        Assert.Equal(640 - (12 * 50), last.Items.Count);
        Assert.True(beyond.OutOfRange);
        Assert.Empty(beyond.Items);
        Assert.False(ResponseQuery.Run(Cycle, new ResponseFilter { Search = "nobody wrote this", Page = 1 }).OutOfRange);
    }

    [Fact]
    public void A_theme_filter_matches_the_tagged_responses_and_theme_counts_follow_the_other_filters()
    {
        var tagged = Submitted.Where(SeededCycle.Housing).ToList();
        var themes = new ThemeSet(
            [new Theme { Id = "t-housing", Name = "Housing" }],
            [.. tagged.Select(i => new ThemeTag("t-housing", SeededCycle.Id(i), TagPart.ForPledge(1), "lead@council.example", default))]);
        var cycle = SeededCycle.Build(N, themes);

        var byTheme = ResponseQuery.Run(cycle, new ResponseFilter { ThemeId = "t-housing" });
        var youngOnly = ResponseQuery.Run(cycle, new ResponseFilter { Audience = Audience.YoungPeople });

        Assert.Equal(tagged.Count, byTheme.Matched);
        Assert.Equal(tagged.Count(i => i % 4 == 0), youngOnly.ByTheme["t-housing"]);
    }
}
