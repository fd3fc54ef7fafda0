using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewWorkflow.DurableTask.Client;
using ReviewWorkflow.DurableTask.Registration;
using TaskFactory = ReviewWorkflow.DurableTask.Registration.TaskFactory;

namespace ReviewWorkflow.Testing.DurableTask;

/// <summary>
/// Golden histories: an instance's recorded DTFx history, replayed through DurableTask.Core's
/// <see cref="TaskOrchestrationExecutor"/> with the current shim-wrapped orchestrator — the path Durable Functions
/// isolated replays on — so a code change that would break instances already running fails a test.
/// </summary>
public static class GoldenHistory
{
    /// <summary>Writes the instance's current history to <paramref name="path"/> as a JSON array of DTFx history events.</summary>
    public static async Task RecordAsync(IOrchestrationHistoryReader reader, string instanceId, string path)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var history = await reader.GetHistoryAsync(instanceId).ConfigureAwait(false);
        if (history.Count == 0)
        {
            throw new InvalidOperationException($"Instance '{instanceId}' has no history to record.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, HistoryJson.Serialize(history)).ConfigureAwait(false);
    }

    /// <summary>Reads a recorded history file.</summary>
    public static IReadOnlyList<HistoryEvent> Load(string path) => HistoryJson.Parse(File.ReadAllText(path));

    /// <summary>
    /// Replays a recorded history file with the orchestrator that <paramref name="register"/> registers under the
    /// recorded name and version. Throws <see cref="GoldenHistoryMismatchException"/> on nondeterminism or when the
    /// replay would do anything the recording did not (schedule another task, finish differently).
    /// </summary>
    public static void Replay(
        string path,
        Action<WorkflowTaskRegistry> register,
        Action<IServiceCollection>? services = null,
        DataConverter? converter = null) =>
        Replay(Load(path), register, services, converter, Path.GetFileName(path));

    /// <summary>Replays recorded history events; see <see cref="Replay(string, Action{WorkflowTaskRegistry}, Action{IServiceCollection}?, DataConverter?)"/>.</summary>
    public static void Replay(
        IReadOnlyList<HistoryEvent> history,
        Action<WorkflowTaskRegistry> register,
        Action<IServiceCollection>? services = null,
        DataConverter? converter = null,
        string? source = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(register);
        var name = source ?? "the recorded history";
        var started = history.OfType<ExecutionStartedEvent>().FirstOrDefault()
            ?? throw new GoldenHistoryMismatchException($"{name} has no ExecutionStarted event.");

        var registry = new WorkflowTaskRegistry();
        register(registry);
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        using var provider = collection.BuildServiceProvider();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = converter ?? JsonDataConverter.Default }, NullLoggerFactory.Instance);
        var orchestration = new TaskFactory(registry, provider, shims).CreateOrchestration(started.Name, started.Version ?? string.Empty)
            ?? throw new GoldenHistoryMismatchException(
                $"{name}: no orchestrator is registered as '{started.Name}' version '{started.Version}'.");

        var state = new OrchestrationRuntimeState(history.Select(Fresh).ToList());
        var executor = new TaskOrchestrationExecutor(state, orchestration, BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.UseFailureDetails);
        OrchestratorExecutionResult result;
        try
        {
            result = executor.Execute();
        }
        catch (NonDeterministicOrchestrationException e)
        {
            throw new GoldenHistoryMismatchException($"{name}: the orchestrator no longer replays its history: {e.Message}", e);
        }

        Compare(name, history, result.Actions.ToList());
    }

    private static void Compare(string name, IReadOnlyList<HistoryEvent> history, IReadOnlyList<OrchestratorAction> actions)
    {
        var nondeterminism = actions.OfType<OrchestrationCompleteOrchestratorAction>()
            .FirstOrDefault(a => a.FailureDetails?.ErrorType?.Contains(nameof(NonDeterministicOrchestrationException), StringComparison.Ordinal) == true);
        if (nondeterminism is not null)
        {
            throw new GoldenHistoryMismatchException($"{name}: the orchestrator no longer replays its history: {nondeterminism.FailureDetails!.ErrorMessage}");
        }

        var recordedEnd = history.OfType<ExecutionCompletedEvent>().LastOrDefault();
        var unexpected = new List<string>();
        foreach (var action in actions)
        {
            if (action is OrchestrationCompleteOrchestratorAction complete && recordedEnd is not null
                && complete.OrchestrationStatus == recordedEnd.OrchestrationStatus
                && (complete.OrchestrationStatus != OrchestrationStatus.Completed || complete.Result == recordedEnd.Result))
            {
                continue; // finishes exactly as recorded
            }

            unexpected.Add(Describe(action));
        }

        if (recordedEnd is not null && !actions.OfType<OrchestrationCompleteOrchestratorAction>().Any())
        {
            unexpected.Add($"no completion, where the recording completed {recordedEnd.OrchestrationStatus} with {recordedEnd.Result ?? "no output"}");
        }

        if (unexpected.Count > 0)
        {
            throw new GoldenHistoryMismatchException(
                $"{name}: after replaying the recorded history the orchestrator does what the recording did not: {string.Join("; ", unexpected)}.");
        }
    }

    private static string Describe(OrchestratorAction action) => action switch
    {
        ScheduleTaskOrchestratorAction task => $"schedules activity '{task.Name}' (id {task.Id}) with {task.Input}",
        CreateSubOrchestrationAction sub => $"starts sub-orchestration '{sub.Name}' version '{sub.Version}' as '{sub.InstanceId}'",
        CreateTimerOrchestratorAction timer => $"creates a timer for {timer.FireAt:O}",
        SendEventOrchestratorAction send => $"sends event '{send.EventName}' to '{send.Instance?.InstanceId}'",
        OrchestrationCompleteOrchestratorAction complete =>
            $"completes {complete.OrchestrationStatus} with {complete.Result ?? complete.FailureDetails?.ErrorMessage ?? "no output"}",
        _ => action.GetType().Name,
    };

    // The executor marks events as played; each replay gets unplayed copies so one loaded history can be replayed twice.
    private static HistoryEvent Fresh(HistoryEvent e)
    {
        e.IsPlayed = false;
        return e;
    }
}
