using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Tests.Fixtures;

/// <summary>A recorded history did not replay against the current orchestrator.</summary>
internal sealed class GoldenHistoryMismatchException(string message) : Exception(message);

/// <summary>
/// DTFx histories as files, and their replay: the recorded events (as the task hub's History table holds them) are fed to
/// DTFx's <see cref="TaskOrchestrationExecutor"/> with the orchestrator class wrapped by the same
/// <see cref="DurableTaskShimFactory"/> the worker uses. Any difference between what the code schedules and what the history
/// says it scheduled fails the orchestration (NonDeterministicOrchestrationException), which fails the replay here.
/// </summary>
internal static class GoldenHistory
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.Objects,
        DateTimeZoneHandling = DateTimeZoneHandling.RoundtripKind,
        Formatting = Formatting.Indented,
    };

    public static void Save(IEnumerable<HistoryEvent> events, string path) =>
        File.WriteAllText(path, JsonConvert.SerializeObject(events.ToList(), Settings) + "\n");

    public static List<HistoryEvent> Load(string path) =>
        JsonConvert.DeserializeObject<List<HistoryEvent>>(File.ReadAllText(path), Settings) ?? throw new InvalidDataException($"{path} holds no events.");

    /// <summary>The orchestrator name the history was started as.</summary>
    public static string OrchestratorOf(IEnumerable<HistoryEvent> events) => events.OfType<ExecutionStartedEvent>().Single().Name;

    /// <summary>Replays <paramref name="events"/> against <paramref name="orchestrator"/>: it must make the recorded decisions
    /// and, when the recording ended (completed or continued as new), end the same way; a running recording must leave the
    /// orchestrator waiting with nothing new to do.</summary>
    public static void AssertReplays(ITaskOrchestrator orchestrator, IReadOnlyList<HistoryEvent> events)
    {
        var ended = events.OfType<ExecutionCompletedEvent>().SingleOrDefault();
        var state = new OrchestrationRuntimeState([.. events.Where(e => e is not ExecutionCompletedEvent)]);
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = new JsonDataConverter(WorkflowJson.Options) }, NullLoggerFactory.Instance);
        var orchestration = shims.CreateOrchestration(OrchestratorOf(events), orchestrator, parent: null);
        var result = new TaskOrchestrationExecutor(state, orchestration, BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.UseFailureDetails).Execute();

        var actions = result.Actions.ToList();
        if (actions.OfType<OrchestrationCompleteOrchestratorAction>().FirstOrDefault(a => a.OrchestrationStatus == OrchestrationStatus.Failed) is { } failed)
        {
            throw new GoldenHistoryMismatchException($"Replay failed: {failed.FailureDetails?.ErrorMessage ?? failed.Details ?? failed.Result}");
        }

        var completion = actions.OfType<OrchestrationCompleteOrchestratorAction>().SingleOrDefault();
        var others = actions.Where(a => a is not OrchestrationCompleteOrchestratorAction).ToList();
        if (others.Count > 0)
        {
            throw new GoldenHistoryMismatchException($"Replay made decisions the history does not have: {string.Join(", ", others.Select(a => a.GetType().Name))}");
        }

        if (ended is null && completion is not null)
        {
            throw new GoldenHistoryMismatchException($"The recording was still running, but the replay ended ({completion.OrchestrationStatus}).");
        }

        if (ended is not null && completion?.OrchestrationStatus != ended.OrchestrationStatus)
        {
            throw new GoldenHistoryMismatchException($"The recording ended {ended.OrchestrationStatus}, the replay {completion?.OrchestrationStatus.ToString() ?? "did not end"}.");
        }
    }
}
