using ReviewWorkflow.Web.Cycles;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Web.Tests.LeadPages;

/// <summary>What the cycle page's "Some consultees could not be resolved" warning lists (issue 17, point 4).</summary>
public sealed class ConsulteeProblemListTests
{
    [Fact]
    public void The_consultees_steps_audited_problems_are_listed_in_order_and_other_rows_are_ignored()
    {
        AuditEntry[] trail =
        [
            new() { Action = AuditActions.CycleStarted, Details = """{"problem1":"not a consultees row"}""" },
            new()
            {
                Action = AuditActions.ConsulteesResolved,
                Details = """{"problem1":"The directory could not be reached to read the group \"partners\" (503)","problem2":"The directory group \"gone\" was not found"}""",
            },
        ];

        Assert.Equal(["The directory could not be reached to read the group \"partners\" (503)", "The directory group \"gone\" was not found"], ConsulteeProblemList.From(trail));
    }

    [Fact]
    public void A_consultees_step_without_problems_lists_nothing() =>
        Assert.Empty(ConsulteeProblemList.From([new AuditEntry { Action = AuditActions.ConsulteesResolved, Details = null }]));
}
