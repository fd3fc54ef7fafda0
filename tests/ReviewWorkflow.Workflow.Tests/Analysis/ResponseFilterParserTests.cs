using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Tests.Analysis;

public sealed class ResponseFilterParserTests
{
    private static readonly CycleResponses Cycle = SeededCycle.Build(8);

    [Fact]
    public void Values_as_typed_in_a_url_become_the_filter()
    {
        var (filter, errors) = ResponseFilterParser.Parse(Cycle, SeededCycle.Groups[2].Name, "young-people", "2", "dont-know", null, "  housing ", "3");

        Assert.Empty(errors);
        Assert.Equal(new ResponseFilter { Group = SeededCycle.Groups[2].Name, Audience = Audience.YoungPeople, Pledge = 2, View = PledgeView.DontKnow, Search = "housing", Page = 3 }, filter);
    }

    [Theory]
    [InlineData("pledge", "4")]
    [InlineData("pledge", "0")]
    [InlineData("pledge", "two")]
    [InlineData("view", "strongly-agree")]
    [InlineData("view", "Agree")]
    [InlineData("audience", "children")]
    [InlineData("group", "Nobody's group")]
    [InlineData("theme", "t-unknown")]
    [InlineData("page", "0")]
    [InlineData("page", "-1")]
    [InlineData("page", "1.5")]
    public void A_value_it_cannot_use_is_an_error_naming_its_parameter_and_is_not_applied(string parameter, string value)
    {
        string? Of(string name) => name == parameter ? value : null;
        var (filter, errors) = ResponseFilterParser.Parse(Cycle, Of("group"), Of("audience"), Of("pledge"), Of("view"), Of("theme"), null, Of("page"));

        Assert.Equal(parameter, Assert.Single(errors).Field);
        Assert.True(filter.IsEmpty);
        Assert.Equal(1, filter.Page);
    }

    [Fact]
    public void A_search_longer_than_two_hundred_characters_is_refused()
    {
        var (filter, errors) = ResponseFilterParser.Parse(Cycle, null, null, null, null, null, new string('a', 201), null);

        Assert.Equal("q", Assert.Single(errors).Field);
        Assert.Null(filter.Search);
        Assert.Empty(ResponseFilterParser.Parse(Cycle, null, null, null, null, null, new string('a', 200), null).Errors);
    }
}
