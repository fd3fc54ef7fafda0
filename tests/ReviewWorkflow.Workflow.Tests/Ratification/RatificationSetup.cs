using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Ratification;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Ratification;

/// <summary>Ratification of the Rutland-like cycle (Panel 30 March, Cabinet 20 April, Council 10 May 2027) for
/// <see cref="RatificationStage"/> tests.</summary>
internal static class RatificationSetup
{
    public const string Panel = "Corporate Parenting Panel";

    public static DateOnly D(int month, int day) => new(2027, month, day);

    public static DateTime SendAt(int month, int day) => CouncilTime.SendAt(D(month, day), CouncilSettings.Default);

    public static RatificationStage Stage(DateTime start) => new(new RatificationInput
    {
        CycleId = RutlandLikeCycle.Definition.Id,
        Definition = RutlandLikeCycle.Definition,
        Status = CycleStatusPublisher.First(RutlandLikeCycle.Definition, start),
        Now = start,
    }, "ratification-1");

    public static WorkflowCommand Decide(string id, string body, DateOnly meeting, DecisionOutcome outcome, DateOnly? newDate = null, string? comments = null) => new()
    {
        Id = id,
        Kind = CommandKind.RecordDecision,
        Actor = "clerk@council.example",
        Decision = CycleSteps.Decision(body, meeting, outcome, newDate, comments),
    };

    /// <summary>Applies <paramref name="command"/> at <paramref name="now"/> after showing the status (as the loop does).</summary>
    public static StageStep<RatificationState> Apply(RatificationStage stage, RatificationState state, WorkflowCommand command, DateTime now) =>
        stage.Apply(state with { Status = stage.Shown(state, now) }, command, now);

    /// <summary>Runs what falls due from the state's time to <paramref name="until"/>, wake-up by wake-up; the notices in order.</summary>
    public static (RatificationState State, List<StaffNotice> Notices) Walk(RatificationStage stage, RatificationState state, DateTime from, DateTime until)
    {
        var notices = new List<StaffNotice>();
        var now = from;
        while (true)
        {
            var due = stage.Due(state, now);
            notices.AddRange(due.Effects.OfType<SendStaffNotice>().Select(e => e.Notice));
            state = due.State;
            if (due.Next is not { } next || next > until)
            {
                return (state, notices);
            }

            now = next;
        }
    }
}
