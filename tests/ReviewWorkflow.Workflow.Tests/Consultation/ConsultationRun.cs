using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Consultation;

/// <summary>
/// Drives <see cref="ConsultationStage"/> the way its orchestrator does, without an engine: time moves from one due time
/// to the next (or jumps), commands are applied at "now", and every effect is kept in order for the test to read.
/// </summary>
internal sealed class ConsultationRun
{
    public static readonly IReadOnlyList<ResolvedConsultee> Consultees =
    [
        new("c-riley", "Riley", "riley@young.example", 0, "Voices Matter", Audience.YoungPeople, null),
        new("c-pat", "Pat Carer", "pat@carers.example", 1, "Foster carers", Audience.Carers, null),
        new("c-avery", "Dr Avery Test", "avery@health.example", 2, "Partners", Audience.Partners, "Example Health Trust"),
    ];

    public ConsultationRun(ReviewCycleDefinition? definition = null, IReadOnlyList<string>? refusedByProvider = null)
    {
        Definition = definition ?? RutlandLikeCycle.Definition;
        Stage = new ConsultationStage(new ConsultationInput
        {
            CycleId = Definition.Id,
            Definition = Definition,
            Consultees = Consultees,
            Status = CycleStatusPublisher.First(Definition, Now),
            Now = Now,
        });
        State = Stage.Start("consultation-1");
        RefusedByProvider = refusedByProvider ?? [];
    }

    public ReviewCycleDefinition Definition { get; }

    public ConsultationStage Stage { get; }

    public ConsultationState State { get; private set; }

    /// <summary>The run's logical time: the day the cycle was started.</summary>
    public DateTime Now { get; private set; } = SendAt(RutlandLikeCycle.Today);

    /// <summary>The addresses the provider refuses when the requests go.</summary>
    public IReadOnlyList<string> RefusedByProvider { get; }

    /// <summary>Every effect so far, in order (the sending of the requests as <see cref="RequestsWent"/>).</summary>
    public List<StageEffect> Effects { get; } = [];

    /// <summary>When each effect was decided (the run's time then), in order.</summary>
    public List<(DateTime At, StageEffect Effect)> Timeline { get; } = [];

    public bool RequestsWent { get; private set; }

    /// <summary>When the requests went.</summary>
    public DateTime? RequestsAt { get; private set; }

    public bool IsOpen => Stage.IsOpen(State, Now);

    public static DateTime SendAt(DateOnly day) => CouncilTime.SendAt(day, CouncilSettings.Default);

    /// <summary>Moves time on to <paramref name="until"/>, taking every due time on the way (as wake-ups would).</summary>
    public void AdvanceTo(DateTime until)
    {
        while (Settle() is { } next && next <= until)
        {
            Now = next;
        }

        if (until > Now)
        {
            Now = until;
            Settle();
        }
    }

    /// <summary>Jumps straight to <paramref name="until"/> (the development clock moved on days at once).</summary>
    public void JumpTo(DateTime until)
    {
        Now = until;
        Settle();
    }

    /// <summary>Applies <paramref name="command"/> at the current time and returns its effects.</summary>
    public IReadOnlyList<StageEffect> Command(WorkflowCommand command)
    {
        var step = Stage.Apply(State, command, Now);
        State = step.State;
        Keep(step.Effects);
        return step.Effects;
    }

    public static WorkflowCommand Lead(CommandKind kind, string id) =>
        new() { Id = id, Kind = kind, Actor = "lead@council.example", Role = ReviewWorkflow.Workflow.Audit.AuditRole.Lead };

    /// <summary>The days of the scheduled reminders sent so far.</summary>
    public List<DateOnly> ReminderDays() => [.. Effects.OfType<SendReminders>().Where(r => r.Input.CommandId is null).Select(r => r.Input.Date)];

    public List<DateOnly> EscalationDays() => [.. Effects.OfType<SendEscalation>().Select(e => e.Input.Date)];

    /// <summary>The times the scheduled reminders were decided.</summary>
    public List<DateTime> ReminderTimes() => [.. Timeline.Where(t => t.Effect is SendReminders { Input.CommandId: null }).Select(t => t.At)];

    private void Keep(IReadOnlyList<StageEffect> effects)
    {
        Effects.AddRange(effects);
        Timeline.AddRange(effects.Select(e => (Now, e)));
    }

    private DateTime? Settle()
    {
        if (!Stage.IsOpen(State, Now))
        {
            return null;
        }

        if (Stage.RequestsDue(State, Now))
        {
            RequestsWent = true;
            RequestsAt = Now;
            var sent = Consultees.Where(c => !RefusedByProvider.Contains(c.Email)).Select(c => c.Id).ToList();
            var failed = Consultees.Where(c => RefusedByProvider.Contains(c.Email)).Select(c => c.Id).ToList();
            State = ConsultationStage.RequestsSent(State, new SendRequestsResult(sent, failed));
        }

        var due = Stage.Due(State, Now);
        Keep(due.Effects);
        State = due.State with { Status = Stage.Shown(due.State, Now) };
        return due.Next;
    }
}
