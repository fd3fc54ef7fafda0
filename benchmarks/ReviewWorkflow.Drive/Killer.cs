namespace ReviewWorkflow.Drive;

/// <summary>SIGKILLs the app at random moments (a random 4–14 s after it last came up) and restarts it at once.</summary>
internal sealed class Killer(AppProcess app, Random random) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public int Crashes { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(4_000, 14_000)), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await KillAndRestartAsync().ConfigureAwait(false);
        }
    }

    public async Task KillAndRestartAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await app.KillAsync().ConfigureAwait(false);
            Crashes++;
            Log.Say($"SIGKILL #{Crashes}; restarting");
            await app.StartAsync().ConfigureAwait(false);
            Log.Say($"App back after crash #{Crashes}");
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
