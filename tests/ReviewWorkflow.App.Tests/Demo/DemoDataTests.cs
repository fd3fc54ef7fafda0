using System.Security.Cryptography;
using ReviewWorkflow.App.Demo;
using ReviewWorkflow.App.Hosting;
using ReviewWorkflow.App.Tests.Infrastructure;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.App.Tests.Demo;

/// <summary>The demo seeder in the running app on Azurite: both cycles reach their stages through the façade, and a
/// second run (as after a restart) seeds nothing new.</summary>
public sealed class DemoDataTests : IDisposable
{
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "rw-demo-outbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_outbox))
        {
            System.IO.Directory.Delete(_outbox, recursive: true);
        }
    }

    [Theory]
    [InlineData(10)] // after the 09:00 send time: the pledge's requests go before its consultation is closed
    [InlineData(7)] // before it: the demo does not wait for 09:00
    public async Task Seeding_reaches_consultation_and_the_panel_and_a_second_run_adds_nothing(int hourUtc)
    {
        var clock = new ShiftedClock(new DateTimeOffset(2026, 3, 2, hourUtc, 0, 0, TimeSpan.Zero));
        await using var app = await RunningApp.StartAsync(await SettingsAsync(), b => b.Services.AddSingleton<TimeProvider>(clock));
        var seeder = app.Services.GetRequiredService<DemoDataSeeder>();
        var first = await seeder.Completion.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(2, first.CyclesStarted);
        Assert.Equal(2, first.CommandsSent); // close early, submit the draft
        Assert.Equal(10, first.ResponsesStored); // 6 to the strategy, 4 to the pledge (its groups are young people and carers)

        var cycles = app.Services.GetRequiredService<ReviewCycleService>();
        var strategy = await cycles.GetCycleAsync(DemoCycles.StrategyCycleId);
        Assert.NotNull(strategy);
        Assert.Equal(CycleStage.Consultation, strategy.Stage);
        Assert.StartsWith("Children in Care and Care Leavers Strategy", strategy.Title, StringComparison.Ordinal);
        Assert.Equal(4, strategy.Counts.ResponsesSubmitted);
        var consultees = await cycles.GetConsulteesAsync(DemoCycles.StrategyCycleId);
        Assert.Equal(20, consultees.Count);
        Assert.Equal(2, consultees.Count(c => c.Status == ResponseStatus.InProgress));

        var pledge = await cycles.GetCycleAsync(DemoCycles.PledgeCycleId);
        Assert.NotNull(pledge);
        Assert.Equal(CycleStage.Ratification, pledge.Stage);
        Assert.Equal(DemoCycles.Panel, pledge.CurrentBody);
        Assert.Equal([DemoCycles.Panel, DemoCycles.Cabinet, DemoCycles.FullCouncil], pledge.Route.Select(r => r.Body));
        Assert.True(pledge.ConsultationClosedEarly);
        Assert.Equal("1.0", pledge.DraftVersion);
        Assert.Equal(hourUtc >= 9 ? 10 : 0, pledge.Counts.RequestsSent);
        Assert.All(pledge.Route, r => Assert.NotEqual(DayOfWeek.Saturday, r.MeetingDate.DayOfWeek));

        var audit = app.Services.GetRequiredService<AuditLog>();
        var pledgeRows = (await audit.ReadAllAsync(DemoCycles.PledgeCycleId)).Count;

        // Again, as after a restart: nothing new, nothing changed.
        var second = await app.Services.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
        Assert.True(second.NothingNew, second.ToString());
        Assert.Equal(2, (await cycles.ListCyclesAsync()).Count);
        Assert.Equal(4, (await cycles.GetCycleAsync(DemoCycles.StrategyCycleId))!.Counts.ResponsesSubmitted);
        Assert.Equal(pledgeRows, (await audit.ReadAllAsync(DemoCycles.PledgeCycleId)).Count);
        Assert.Equal(DemoCycles.Panel, (await cycles.GetCycleAsync(DemoCycles.PledgeCycleId))!.CurrentBody);
    }

    [Fact]
    public async Task Without_the_setting_nothing_is_seeded()
    {
        var settings = await SettingsAsync();
        settings["Demo:SeedData"] = null;
        await using var app = await RunningApp.StartAsync(settings);

        Assert.Null(app.Services.GetService<DemoDataSeeder>());
        Assert.Empty(await app.Services.GetRequiredService<ReviewCycleService>().ListCyclesAsync());
    }

    private async Task<Dictionary<string, string?>> SettingsAsync()
    {
        var settings = await IsolatedAppSettings.AppAsync("demo", _outbox);
        settings["Demo:SeedData"] = "true";
        return settings;
    }
}
