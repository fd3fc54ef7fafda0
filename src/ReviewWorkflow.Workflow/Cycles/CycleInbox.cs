using Microsoft.DurableTask;
using ReviewWorkflow.DurableTask.WakeUps;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// One orchestration run's view of time and its incoming events. <see cref="Now"/> is the run's logical time: it starts at
/// the time the façade (or the parent) passed in, and moves on to the issuing time of every command and the raising time
/// of every wake-up — never to <c>CurrentUtcDateTime</c>, which on the real engine is wall-clock time and knows nothing of
/// the development clock or a test's fake clock. Business deadlines are data: <see cref="NextCommandAsync"/> asks the
/// wake-up sweep (activity ScheduleWakeUp, one row per instance) to raise <see cref="WakeUpSignal.EventName"/> when the
/// app's clock passes the deadline, and waits for that or a command. The pending waiters are kept here and reused until
/// they complete, so at most one waiter per event name exists and no event is swallowed by an abandoned one.
/// </summary>
public sealed class CycleInbox(TaskOrchestrationContext context, DateTime now)
{
    private Task<WorkflowCommand>? _command;
    private Task<WakeUpSignal>? _wakeUp;
    private DateTime? _scheduled;

    /// <summary>The run's logical UTC time (see the class remarks).</summary>
    public DateTime Now { get; private set; } = DateTime.SpecifyKind(now, DateTimeKind.Utc);

    /// <summary>Moves <see cref="Now"/> on to <paramref name="at"/> when that is later (a child's end, an event's time).</summary>
    public void Advance(DateTime? at)
    {
        if (at is { } time && time > Now)
        {
            Now = DateTime.SpecifyKind(time, DateTimeKind.Utc);
        }
    }

    /// <summary>
    /// The next command, or null when a wake-up came (or <paramref name="until"/> has already passed): either way the
    /// caller re-evaluates what is due at <see cref="Now"/>. A wake-up delivered twice is just one more re-evaluation.
    /// </summary>
    public async Task<WorkflowCommand?> NextCommandAsync(DateTime? until)
    {
        if (until is { } due && due <= Now)
        {
            return null;
        }

        await ScheduleAsync(until);
        _command ??= context.WaitForExternalEvent<WorkflowCommand>(WorkflowCommand.EventName);
        _wakeUp ??= context.WaitForExternalEvent<WakeUpSignal>(WakeUpSignal.EventName);
        await Task.WhenAny(_command, _wakeUp);
        if (_command.IsCompleted)
        {
            var command = await _command;
            _command = null;
            Advance(command.IssuedAt);
            return command;
        }

        await TakeWakeUpAsync();
        return null;
    }

    /// <summary>
    /// The next command not taken before (its id is not among <paramref name="status"/>'s recent commands), or null as
    /// <see cref="NextCommandAsync"/>: a command raised again after a retry is taken once, and the stage re-evaluates.
    /// </summary>
    public async Task<WorkflowCommand?> NextNewCommandAsync(DateTime? until, CycleStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var command = await NextCommandAsync(until);
        return command is null || status.RecentCommands.Contains(command.Id) ? null : command;
    }

    /// <summary>Waits until <paramref name="work"/> (a child orchestration) completes or a wake-up for <paramref name="until"/>
    /// comes, whichever is first; true when the work is done.</summary>
    public async Task<bool> WaitAsync(Task work, DateTime? until)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (until is { } due && due <= Now)
        {
            return work.IsCompleted;
        }

        await ScheduleAsync(until);
        _wakeUp ??= context.WaitForExternalEvent<WakeUpSignal>(WakeUpSignal.EventName);
        await Task.WhenAny(work, _wakeUp);
        if (_wakeUp.IsCompleted)
        {
            await TakeWakeUpAsync();
        }

        return work.IsCompleted;
    }

    /// <summary>Waits, through as many wake-ups as it takes, until <see cref="Now"/> reaches <paramref name="until"/>.</summary>
    public async Task DelayUntilAsync(DateTime until)
    {
        while (Now < until)
        {
            await ScheduleAsync(until);
            _wakeUp ??= context.WaitForExternalEvent<WakeUpSignal>(WakeUpSignal.EventName);
            await TakeWakeUpAsync();
        }
    }

    private async Task ScheduleAsync(DateTime? until)
    {
        if (until is { } due && due != _scheduled)
        {
            await context.CallActivityAsync<WakeUpRequest>(ScheduleWakeUpActivity.Name, new WakeUpRequest(context.InstanceId, new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc))), WorkflowRetry.Activity);
            _scheduled = due;
        }
    }

    private async Task TakeWakeUpAsync()
    {
        var signal = await _wakeUp!;
        _wakeUp = null;
        Advance(signal.RaisedAt.UtcDateTime);
    }
}
