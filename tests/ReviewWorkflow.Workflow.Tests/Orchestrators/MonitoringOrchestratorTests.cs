using ReviewWorkflow.DurableTask.WakeUps;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Monitoring;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Orchestrators;

/// <summary>Monitoring's months-long waits are wake-ups on the cycle's logical time, not durable timers on the engine's clock.</summary>
public sealed class MonitoringOrchestratorTests
{
    private static readonly CouncilSettings Settings = CouncilSettings.Default;
    private static readonly DateOnly AdoptedOn = new(2027, 5, 10);

    private static MonitoringInput Input() => new()
    {
        CycleId = "cic-2027",
        Definition = RutlandLikeCycle.Definition,
        Settings = Settings,
        AdoptedOn = AdoptedOn,
        Now = CouncilTime.SendAt(AdoptedOn, Settings),
    };

    private static DateTime RemindAt() => CouncilTime.SendAt(MonitoringPlan.ProgressReports(RutlandLikeCycle.Definition, Settings, AdoptedOn)[0].RemindOn, Settings);

    [Fact]
    public async Task The_first_progress_report_reminder_waits_for_a_wake_up_at_its_date_and_then_continues_as_new_on_that_time()
    {
        // The engine's own clock says it is long after the reminder: it must not matter.
        var context = new ScriptedOrchestrationContext("cic-2027:monitoring", new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var run = new MonitoringOrchestrator().RunAsync(context, Input());

        var scheduled = Assert.Single(context.CallsTo(ScheduleWakeUpActivity.Name));
        Assert.Equal(new WakeUpRequest("cic-2027:monitoring", new DateTimeOffset(RemindAt())), scheduled.Input);
        Assert.False(run.IsCompleted);
        Assert.Empty(context.CallsTo(nameof(SendStaffNoticeActivity)));

        var raisedAt = new DateTimeOffset(RemindAt().AddHours(3));
        context.Raise(WakeUpSignal.EventName, new WakeUpSignal(new DateTimeOffset(RemindAt()), raisedAt));
        await run;

        var notice = (StaffNotice)Assert.Single(context.CallsTo(nameof(SendStaffNoticeActivity))).Input!;
        Assert.Equal(NoticeKind.ProgressReportReminder, notice.Kind);
        var next = Assert.IsType<MonitoringInput>(context.ContinuedAsNewWith);
        Assert.Equal(1, next.Next);
        Assert.Equal(raisedAt.UtcDateTime, next.Now);
    }

    [Fact]
    public async Task An_early_or_repeated_wake_up_only_re_evaluates_and_keeps_one_waiter_and_one_scheduled_row()
    {
        var context = new ScriptedOrchestrationContext("cic-2027:monitoring", DateTime.UnixEpoch);
        var run = new MonitoringOrchestrator().RunAsync(context, Input());

        // Delivered twice, and before the reminder's time (a stale row from an earlier schedule).
        var early = new DateTimeOffset(RemindAt().AddDays(-10));
        context.Raise(WakeUpSignal.EventName, new WakeUpSignal(early, early));
        context.Raise(WakeUpSignal.EventName, new WakeUpSignal(early, early));

        Assert.False(run.IsCompleted);
        Assert.Empty(context.CallsTo(nameof(SendStaffNoticeActivity)));
        Assert.Single(context.CallsTo(ScheduleWakeUpActivity.Name));
        Assert.Equal(1, context.Waiting(WakeUpSignal.EventName));

        context.Raise(WakeUpSignal.EventName, new WakeUpSignal(new DateTimeOffset(RemindAt()), new DateTimeOffset(RemindAt())));
        await run;
        Assert.Single(context.CallsTo(nameof(SendStaffNoticeActivity)));
    }
}
