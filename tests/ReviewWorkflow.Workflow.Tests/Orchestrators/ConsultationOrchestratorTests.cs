using ReviewWorkflow.DurableTask.WakeUps;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Orchestrators;

/// <summary>The consultation decides on its logical time: the start time it was given, wake-ups and commands' issuing times.</summary>
public sealed class ConsultationOrchestratorTests
{
    private static readonly CouncilSettings Settings = CouncilSettings.Default;
    private static readonly ReviewCycleDefinition Definition = RutlandLikeCycle.Definition;
    private static readonly DateTime OpenAt = CouncilTime.SendAt(Definition.Consultation.Opens, Settings);

    private static ConsultationInput Input(DateTime now) => new()
    {
        CycleId = Definition.Id,
        Definition = Definition,
        Settings = Settings,
        Consultees = [new ResolvedConsultee("c1", "Riley", "riley@young.example", 0, "Voices Matter", Audience.YoungPeople, null)],
        Now = now,
    };

    private static ScriptedOrchestrationContext Context() => new($"{Definition.Id}:consultation-1", new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc))
    {
        Answer = (name, _) => name switch
        {
            nameof(SendConsultationRequestsActivity) => new SendRequestsResult(["c1"], []),
            nameof(SendConsultationRemindersActivity) => (IReadOnlyList<string>)[],
            _ => null,
        },
    };

    [Fact]
    public void Before_the_opening_day_nothing_is_sent_and_a_wake_up_is_scheduled_for_the_send_time()
    {
        var context = Context();
        var run = new ConsultationOrchestrator().RunAsync(context, Input(OpenAt.AddDays(-3)));

        Assert.False(run.IsCompleted);
        Assert.Empty(context.CallsTo(nameof(SendConsultationRequestsActivity)));
        var scheduled = Assert.Single(context.CallsTo(ScheduleWakeUpActivity.Name));
        Assert.Equal(new DateTimeOffset(OpenAt), ((WakeUpRequest)scheduled.Input!).DueAt);
        Assert.Equal(1, context.Waiting(WorkflowCommand.EventName));
        Assert.Equal(1, context.Waiting(WakeUpSignal.EventName));
    }

    [Fact]
    public void The_wake_up_at_the_send_time_sends_the_requests_once_even_when_delivered_twice()
    {
        var context = Context();
        var run = new ConsultationOrchestrator().RunAsync(context, Input(OpenAt.AddDays(-3)));

        var signal = new WakeUpSignal(new DateTimeOffset(OpenAt), new DateTimeOffset(OpenAt.AddMinutes(1)));
        context.Raise(WakeUpSignal.EventName, signal);
        context.Raise(WakeUpSignal.EventName, signal);

        Assert.False(run.IsCompleted);
        Assert.Single(context.CallsTo(nameof(SendConsultationRequestsActivity)));
        Assert.Equal(1, context.Waiting(WorkflowCommand.EventName));
        Assert.Equal(1, context.Waiting(WakeUpSignal.EventName));
    }

    [Fact]
    public void A_command_is_judged_on_the_day_it_was_issued_not_the_engine_clock()
    {
        var context = Context();
        var run = new ConsultationOrchestrator().RunAsync(context, Input(OpenAt.AddDays(1)));

        // Extending to a date that is still ahead on the issuing day: accepted, so nothing is refused in the audit.
        var issued = CouncilTime.SendAt(Definition.Consultation.Closes.AddDays(-1), Settings);
        context.Raise(WorkflowCommand.EventName, new WorkflowCommand
        {
            Id = "extend-1",
            Kind = CommandKind.ExtendConsultation,
            Date = Definition.Consultation.Closes.AddDays(7),
            Actor = "lead@council.example",
            Role = AuditRole.Lead,
            IssuedAt = issued,
        });

        Assert.False(run.IsCompleted);
        Assert.DoesNotContain(context.CallsTo(nameof(AppendAuditActivity)), c => ((AuditRecord)c.Input!).Action == AuditActions.CommandRefused);
        // The close moved with the extension: the next wake-up is not the original closing day's end.
        var last = (WakeUpRequest)context.CallsTo(ScheduleWakeUpActivity.Name).Last().Input!;
        Assert.NotEqual(new DateTimeOffset(CouncilTime.EndOfDay(Definition.Consultation.Closes, Settings)), last.DueAt);
    }
}
