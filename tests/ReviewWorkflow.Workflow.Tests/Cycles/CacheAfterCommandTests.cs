using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Cycles.Caching;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>Issue 17, point 7: a background reload of the list that began before a command must not be served after it.</summary>
public sealed class CacheAfterCommandTests
{
    [Fact]
    public async Task A_reload_begun_before_a_command_is_not_served_once_the_command_has_settled()
    {
        var clock = new FakeTimeProvider();
        var cache = new CycleCache(clock, listTtl: TimeSpan.FromSeconds(5));
        var applied = false;
        var loads = 0;
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<IReadOnlyList<CycleView>> Load()
        {
            var mine = Interlocked.Increment(ref loads);
            var sees = Volatile.Read(ref applied);
            if (mine == 2)
            {
                slowStarted.SetResult();
                await slow.Task; // the background reload read the cycle before the command, and answers late
            }

            return [new CycleView { CycleId = "c1", Title = sees ? "closed" : "consulting", RecentCommands = sees ? ["cmd-1"] : [] }];
        }

        await cache.ListAsync(Load);
        clock.Advance(TimeSpan.FromSeconds(6)); // stale: served while one background reload runs
        await cache.ListAsync(Load);
        await slowStarted.Task;

        cache.CommandSent("c1", "cmd-1");
        Volatile.Write(ref applied, true);
        Assert.Equal("closed", (await cache.ListAsync(Load))[0].Title); // loaded now; the command settles
        slow.SetResult();
        await Task.Delay(200); // the old reload lands

        Assert.Equal("closed", (await cache.ListAsync(Load))[0].Title);
    }
}
