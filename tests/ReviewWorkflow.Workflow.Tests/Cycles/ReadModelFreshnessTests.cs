using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>Issue 17, point 7: what a read shows does not depend on when the orchestration last woke.</summary>
public sealed class ReadModelFreshnessTests
{
    [Fact]
    public async Task The_next_deadline_is_overdue_as_soon_as_the_clock_passes_it_even_before_the_orchestration_wakes()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.ToRatificationAsync(id);
        var before = await h.ViewAsync(id);
        Assert.False(before.NextDeadline!.Overdue);

        // Only the clock moves, past the publication date (18 March): no timer has fired, nothing re-published the status.
        h.World.Time.SetUtcNow(new DateTimeOffset(2027, 3, 24, 12, 0, 0, TimeSpan.Zero));

        var view = await h.ViewAsync(id);
        Assert.Equal(before.NextDeadline.Date, view.NextDeadline!.Date);
        Assert.True(view.NextDeadline.Overdue);
    }

    [Fact]
    public async Task Updated_at_follows_the_stage_s_own_steps_not_only_the_parent_s()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();

        await h.AdvanceToAsync(2027, 2, 10, 12); // the consultation sent its requests and the reminders of 5 and 10 February

        var view = await h.ViewAsync(id);
        Assert.True(view.UpdatedAt >= new DateTimeOffset(2027, 2, 10, 9, 0, 0, TimeSpan.Zero), $"updatedAt {view.UpdatedAt:O}");
    }
}
