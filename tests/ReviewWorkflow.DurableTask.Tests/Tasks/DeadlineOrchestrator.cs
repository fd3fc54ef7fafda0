using Microsoft.DurableTask;
using ReviewWorkflow.DurableTask.WakeUps;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

/// <summary>
/// Waits until a deadline by wake-ups, the way workflow orchestrators must: schedule, wait for one signal, decide
/// from the signal's clock value (never from its arrival), and loop with one waiter at a time.
/// </summary>
public sealed class DeadlineOrchestrator : TaskOrchestrator<DateTimeOffset, DateTimeOffset>
{
    public override async Task<DateTimeOffset> RunAsync(TaskOrchestrationContext context, DateTimeOffset dueAt)
    {
        await context.CallActivityAsync<WakeUpRequest>(ScheduleWakeUpActivity.Name, new WakeUpRequest(context.InstanceId, dueAt));
        while (true)
        {
            context.SetCustomStatus("waiting");
            var signal = await context.WaitForExternalEvent<WakeUpSignal>(WakeUpSignal.EventName);
            if (signal.RaisedAt >= dueAt)
            {
                await context.CallActivityAsync<string>(nameof(EchoActivity), "deadline reached");
                return signal.RaisedAt;
            }
        }
    }
}
