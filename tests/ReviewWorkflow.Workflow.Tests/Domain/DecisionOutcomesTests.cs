using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Tests.Domain;

public class DecisionOutcomesTests
{
    [Theory]
    [InlineData(DecisionOutcome.Endorse, false, RouteEffect.NextBody)]
    [InlineData(DecisionOutcome.Recommend, false, RouteEffect.NextBody)]
    [InlineData(DecisionOutcome.Note, false, RouteEffect.NextBody)]
    [InlineData(DecisionOutcome.Note, true, RouteEffect.Adopted)]
    [InlineData(DecisionOutcome.Comment, true, RouteEffect.Adopted)]
    [InlineData(DecisionOutcome.Approve, false, RouteEffect.Adopted)]
    [InlineData(DecisionOutcome.Adopt, true, RouteEffect.Adopted)]
    [InlineData(DecisionOutcome.Defer, false, RouteEffect.Deferred)]
    [InlineData(DecisionOutcome.ReferBack, true, RouteEffect.ReferredBack)]
    [InlineData(DecisionOutcome.Reject, false, RouteEffect.Closed)]
    public void Effect_FollowsTheRoute(DecisionOutcome outcome, bool last, RouteEffect expected) =>
        Assert.Equal(expected, DecisionOutcomes.Effect(outcome, last));

    [Fact]
    public void NotedOutcomes_AreNoteAndComment() =>
        Assert.Equal([DecisionOutcome.Note, DecisionOutcome.Comment], Enum.GetValues<DecisionOutcome>().Where(DecisionOutcomes.IsNoted));

    [Fact]
    public void ConsulteeId_IsStableAndIgnoresCase()
    {
        Assert.Equal(ConsulteeId.For("Riley@Young.Example"), ConsulteeId.For(" riley@young.example "));
        Assert.NotEqual(ConsulteeId.For("riley@young.example"), ConsulteeId.For("casey@young.example"));
        Assert.Matches("^c-[0-9a-f]{20}$", ConsulteeId.For("riley@young.example"));
    }
}
