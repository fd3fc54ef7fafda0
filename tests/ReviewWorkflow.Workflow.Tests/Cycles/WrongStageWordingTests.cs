using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>Issue 17, point 8: the 409 for a command in the wrong stage reads as English ("The cycle is in adopted" did not).</summary>
public sealed class WrongStageWordingTests
{
    [Fact]
    public async Task Closing_the_consultation_while_the_report_is_with_the_committees_says_so_plainly()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.ToRatificationAsync(id);

        var result = await h.Service.CloseConsultationAsync(id, People.Lead, "req-close", CycleSteps.NewKey());

        Assert.Equal(CycleResultKind.Conflict, result.Kind);
        Assert.Equal("The report is with the committees, so you cannot close the consultation now.", Assert.Single(result.Errors).Message);
    }
}
