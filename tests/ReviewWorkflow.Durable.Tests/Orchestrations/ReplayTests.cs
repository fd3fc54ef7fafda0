using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewWorkflow.Durable.Testing;

namespace ReviewWorkflow.Durable.Tests.Orchestrations;

public sealed class ReplayTests
{
    [Fact]
    public async Task IsReplaying_and_the_replay_safe_logger_see_each_step_once()
    {
        var replayFlags = new List<bool>();
        var logs = new CollectingLoggerProvider();
        await using var host = await DurableTestHost.StartAsync(
            b => b
                .AddOrchestratorFunc<string, string>("Steps", async (ctx, _) =>
                {
                    var log = ctx.CreateReplaySafeLogger("Steps");
                    replayFlags.Add(ctx.IsReplaying);
                    log.LogInformation("before {Name}", ctx.Name);
                    await ctx.CallActivityAsync("Noop");
                    replayFlags.Add(ctx.IsReplaying);
                    log.LogInformation("after, parent {Parent}", ctx.Parent?.InstanceId ?? "none");
                    return ctx.InstanceId;
                })
                .AddActivityFunc<object?, string>("Noop", (_, _) => "ok"),
            services: s => s.AddSingleton<ILoggerFactory>(new LoggerFactory([logs])));

        var result = await host.RunAsync("Steps", "x", new StartOrchestrationOptions("replay-1"));

        Assert.Equal("replay-1", result.ReadOutputAs<string>());
        Assert.Equal([false, true, false], replayFlags);
        Assert.Equal(["before Steps", "after, parent none"], logs.Messages.Where(m => m.Category == "Steps").Select(m => m.Text));
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public List<(string Category, string Text)> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Collector(CollectingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Add((category, formatter(state, exception)));
        }
    }
}
