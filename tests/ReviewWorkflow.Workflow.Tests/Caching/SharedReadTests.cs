using ReviewWorkflow.Workflow.Caching;

namespace ReviewWorkflow.Workflow.Tests.Caching;

/// <summary>The listing's costly task hub query is shared by the callers of a few seconds (issue 12, load).</summary>
public sealed class SharedReadTests
{
    [Fact]
    public async Task Callers_while_a_read_runs_and_just_after_it_share_that_one_read()
    {
        var reads = 0;
        var gate = new TaskCompletionSource<int>();
        var shared = new SharedRead<int>(TimeSpan.FromMinutes(1), () => { reads++; return gate.Task; });

        var callers = Enumerable.Range(0, 20).Select(_ => shared.GetAsync(CancellationToken.None)).ToList();
        gate.SetResult(42);

        Assert.All(await Task.WhenAll(callers), v => Assert.Equal(42, v));
        Assert.Equal(42, await shared.GetAsync(CancellationToken.None));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task A_failed_read_is_not_kept_and_a_stale_one_is_read_again()
    {
        var reads = 0;
        var shared = new SharedRead<int>(TimeSpan.FromMilliseconds(200), () => ++reads == 1 ? Task.FromException<int>(new IOException("store unreachable")) : Task.FromResult(reads));

        await Assert.ThrowsAsync<IOException>(() => shared.GetAsync(CancellationToken.None));
        Assert.Equal(2, await shared.GetAsync(CancellationToken.None));
        Assert.Equal(2, await shared.GetAsync(CancellationToken.None));
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.Equal(3, await shared.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_read_for_the_others()
    {
        var gate = new TaskCompletionSource<int>();
        var shared = new SharedRead<int>(TimeSpan.FromMinutes(1), () => gate.Task);
        using var cancelled = new CancellationTokenSource();

        var leaving = shared.GetAsync(cancelled.Token);
        var staying = shared.GetAsync(CancellationToken.None);
        await cancelled.CancelAsync();
        gate.SetResult(7);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.Equal(7, await staying);
    }
}
