using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.Directory;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Testing.DurableTask;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Hosting;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Tests.Fixtures;

/// <summary>A scenario's clock, the provider's record of sent mail and the configuration.</summary>
internal sealed class CycleWorld
{
    public CycleWorld(DateTimeOffset start)
    {
        Time = new FakeTimeProvider(start);
        Mail = new CapturingEmailSender(Time);
    }

    public FakeTimeProvider Time { get; }

    public CapturingEmailSender Mail { get; }

    public Dictionary<string, string?> Configuration { get; } = new(IsolatedAppSettings.Workflow())
    {
        ["Workflow:PublicBaseUrl"] = "https://reviews.council.example/",
        ["Workflow:LinkSigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
    };
}

/// <summary>
/// The review-cycle orchestrations on the Durable Task Framework over Azurite (<see cref="DurableTaskTestHost"/>: its own
/// task hub, the fake clock driving wake-ups), with the audit, responses, email ledger and links on the same Azurite, the
/// embedded demo directory, and a capturing email provider behind the real <see cref="IdempotentEmailSender"/> and
/// Table Storage ledger.
/// </summary>
internal sealed class CycleHarness : IAsyncDisposable
{
    private CycleHarness(DurableTaskTestHost host, CycleWorld world)
    {
        Host = host;
        World = world;
    }

    public DurableTaskTestHost Host { get; }

    public CycleWorld World { get; }

    public ReviewCycleService Service => Host.Services.GetRequiredService<ReviewCycleService>();

    public ResponseStore Responses => Host.Services.GetRequiredService<ResponseStore>();

    public AuditLog Audit => Host.Services.GetRequiredService<AuditLog>();

    public IReadOnlyList<SentEmail> Sent => World.Mail.Sent;

    /// <param name="services">Replacements registered last (for example a failing <c>IDirectory</c>).</param>
    public static async Task<CycleHarness> StartAsync(CycleWorld world, Func<IEmailSender, IEmailSender>? wrapSender = null, Action<IServiceCollection>? services = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(world.Configuration).Build();
        var connection = await Azurite.GetConnectionStringAsync();
        var host = await DurableTaskTestHost.StartAsync(
            tasks => tasks.AddReviewCycleTasks(),
            world.Time,
            services: s =>
            {
                s.AddSingleton(new TableServiceClient(connection));
                s.AddReviewWorkflowDirectory(configuration);
                s.AddReviewCycleServices(configuration);
                s.AddSingleton<IEmailSender>(sp =>
                {
                    IEmailSender sender = new IdempotentEmailSender(world.Mail, sp.GetRequiredService<IEmailSendLedger>(), NullLogger<IdempotentEmailSender>.Instance);
                    return wrapSender is null ? sender : wrapSender(sender);
                });
                services?.Invoke(s);
            },
            configuration: c =>
            {
                foreach (var (key, value) in world.Configuration)
                {
                    c[key] = value;
                }
            });
        await host.Services.GetRequiredService<WorkflowTables>().CreateIfNotExistsAsync();
        return new CycleHarness(host, world);
    }

    public Task AdvanceToAsync(DateTimeOffset at) => Host.AdvanceToAsync(at);

    public Task AdvanceToAsync(int year, int month, int day, int hour = 12) => Host.AdvanceToAsync(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero));

    /// <summary>Jumps the clock straight to <paramref name="at"/>, as the development clock does (no stop at each timer on
    /// the way, unlike <see cref="AdvanceToAsync(DateTimeOffset)"/>), then lets whatever is due run.</summary>
    public async Task JumpToAsync(DateTimeOffset at)
    {
        World.Time.SetUtcNow(at);
        await Host.RunUntilIdleAsync();
        await Host.SweepAsync();
        await Host.RunUntilIdleAsync();
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>Actors of the demo council.</summary>
internal static class People
{
    public static readonly Actor Lead = new("lead@council.example", AuditRole.Lead);
    public static readonly Actor Clerk = new("clerk@council.example", AuditRole.Clerk);
    public static readonly Actor Director = new("director@council.example", AuditRole.Lead);
}
