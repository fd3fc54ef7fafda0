namespace ReviewWorkflow.Durable.Tests.Golden;

/// <summary>The orchestrator whose recorded history is kept in reminder-cycle.golden.json.</summary>
public sealed class ReminderCycle : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var sent = await context.CallActivityAsync<int>("SendReminders", input);
        var reply = await context.WaitForExternalEvent<string>("Decision", TimeSpan.FromDays(14)).ContinueOnTimeout("no decision");
        await context.CreateTimer(TimeSpan.FromDays(5), CancellationToken.None);
        await context.CallActivityAsync("RecordOutcome", reply);
        return $"{input}: {sent} reminders, {reply}";
    }
}

/// <summary>The same orchestrator after an incompatible edit: a new activity inserted before the wait.</summary>
public sealed class ReminderCycleWithExtraStep : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var sent = await context.CallActivityAsync<int>("SendReminders", input);
        await context.CallActivityAsync("NotifyClerk", input);
        var reply = await context.WaitForExternalEvent<string>("Decision", TimeSpan.FromDays(14)).ContinueOnTimeout("no decision");
        await context.CreateTimer(TimeSpan.FromDays(5), CancellationToken.None);
        await context.CallActivityAsync("RecordOutcome", reply);
        return $"{input}: {sent} reminders, {reply}";
    }
}

/// <summary>A compatible edit: only the wording of the output changed... which changes the recorded outcome.</summary>
public sealed class ReminderCycleWithNewWording : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var sent = await context.CallActivityAsync<int>("SendReminders", input);
        var reply = await context.WaitForExternalEvent<string>("Decision", TimeSpan.FromDays(14)).ContinueOnTimeout("no decision");
        await context.CreateTimer(TimeSpan.FromDays(5), CancellationToken.None);
        await context.CallActivityAsync("RecordOutcome", reply);
        return $"{input} — {sent} reminders sent; decision: {reply}";
    }
}

internal static class WaitExtensions
{
    public static async Task<string> ContinueOnTimeout(this Task<string> wait, string fallback)
    {
        try
        {
            return await wait;
        }
        catch (TaskCanceledException)
        {
            return fallback;
        }
    }
}
