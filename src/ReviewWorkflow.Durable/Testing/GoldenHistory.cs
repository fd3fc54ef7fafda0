using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewWorkflow.Durable.Engine;
using ReviewWorkflow.Durable.Execution;
using ReviewWorkflow.Durable.History;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Testing;

/// <summary>A recorded history file: the orchestrator it belongs to and its events.</summary>
public sealed record GoldenHistoryFile(string Orchestrator, string? Version, string InstanceId, IReadOnlyList<HistoryEvent> History);

/// <summary>The current orchestrator code no longer replays a recorded history.</summary>
public sealed class GoldenHistoryMismatchException : Exception
{
    public GoldenHistoryMismatchException() { }
    public GoldenHistoryMismatchException(string message) : base(message) { }
    public GoldenHistoryMismatchException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// Golden-history replay tests: keep histories of real runs as files and replay them against the current code,
/// so a change that would break in-flight instances fails a test instead of production.
/// </summary>
public static class GoldenHistory
{
    private static readonly JsonSerializerOptions FileJson = new(DurableJson.Options) { WriteIndented = true };

    /// <summary>Writes the committed history of <paramref name="instanceId"/> to <paramref name="path"/>.</summary>
    public static async Task RecordAsync(IDurableStore store, string instanceId, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var snapshot = await store.ReadInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No instance '{instanceId}'.");
        var file = new GoldenHistoryFile(snapshot.Record.Name, snapshot.Record.Version, instanceId, [.. snapshot.History.Select(h => EngineJson.Parse(h.Json))]);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(file, FileJson) + "\n", cancellationToken).ConfigureAwait(false);
    }

    public static GoldenHistoryFile Load(string path) =>
        JsonSerializer.Deserialize<GoldenHistoryFile>(File.ReadAllText(path), FileJson) ?? throw new InvalidDataException($"Empty golden history file '{path}'.");

    public static void AssertReplays<TOrchestrator>(string path, TimeSpan? maximumTimerInterval = null)
        where TOrchestrator : ITaskOrchestrator, new() => AssertReplays(new TOrchestrator(), path, maximumTimerInterval);

    /// <summary>
    /// Replays the file's history against <paramref name="orchestrator"/>. Throws <see cref="GoldenHistoryMismatchException"/>
    /// naming the divergence: a recorded step the code no longer takes, a step the code now takes that was never
    /// recorded, or a different outcome.
    /// </summary>
    public static void AssertReplays(ITaskOrchestrator orchestrator, string path, TimeSpan? maximumTimerInterval = null)
    {
        var file = Load(path);
        var result = OrchestrationExecutor.Execute(
            orchestrator, file.InstanceId, file.History, [], NullLoggerFactory.Instance, _ => null, maximumTimerInterval ?? new DurableOptions().MaximumTimerInterval);
        var where = $"Golden history '{Path.GetFileName(path)}' ({file.Orchestrator} v{file.Version})";
        if (result.Failure is { ErrorType: var type } failure && type == typeof(NonDeterministicOrchestrationException).FullName)
        {
            throw new GoldenHistoryMismatchException($"{where} no longer replays: {failure.ErrorMessage}");
        }

        if (result.NewActions.Count > 0)
        {
            var first = result.NewActions[0];
            throw new GoldenHistoryMismatchException(
                $"{where} no longer replays: after the whole recorded history, the code now {first.Describe()} (event id {first.Id}), which the recorded run never did.");
        }

        var recorded = file.History.OfType<ExecutionCompleted>().FirstOrDefault();
        if (recorded is null)
        {
            if (result.Completion is not null)
            {
                throw new GoldenHistoryMismatchException($"{where}: the recorded run was still in flight, but the code now finishes ({result.Completion}).");
            }

            return;
        }

        if (result.Completion != recorded.Status)
        {
            throw new GoldenHistoryMismatchException($"{where}: the recorded run ended {recorded.Status}, the code now ends {result.Completion?.ToString() ?? "still waiting"} ({result.Failure}).");
        }

        if (!JsonEquals(recorded.Result, result.Output))
        {
            throw new GoldenHistoryMismatchException($"{where}: the recorded output was {recorded.Result ?? "null"}, the code now returns {result.Output ?? "null"}.");
        }
    }

    private static bool JsonEquals(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a == b;
        }

        using var da = JsonDocument.Parse(a);
        using var db = JsonDocument.Parse(b);
        return JsonElement.DeepEquals(da.RootElement, db.RootElement);
    }
}
