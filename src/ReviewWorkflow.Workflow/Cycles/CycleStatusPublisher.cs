using System.Text.Json;
using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Cycles.ReadModel;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Json;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// How a review-cycle orchestrator says where the cycle is now: the custom status (for Azure's tools) and, from
/// orchestration version 2, the cycle's row in the <c>ReviewCycles</c> read model through <see cref="ProjectCycleActivity"/>
/// — only when the status changed (its time included: "updated" says when the cycle last did something, such as
/// sending reminders), so publishing the same status again in a loop writes nothing. Version 1
/// histories never called the activity, so they replay unchanged (see the README's "Versioning and golden histories").
/// One publisher per orchestrator run; its state is rebuilt identically on replay.
/// </summary>
internal sealed class CycleStatusPublisher(TaskOrchestrationContext context)
{
    /// <summary>The first orchestration version that writes the read model.</summary>
    public const string ProjectingVersion = "2";

    private string? _lastProjected;

    /// <summary>True when this orchestration (by its version) keeps the read model up to date.</summary>
    public static bool Projects(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return int.TryParse(context.Version, out var version) && version >= int.Parse(ProjectingVersion, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Publishes <paramref name="status"/> and returns it with its revision (bumped when it was projected).</summary>
    /// <param name="start">The parent's input, with its first status: the row then describes the cycle from the running
    /// instance's own input.</param>
    public async Task<CycleStatus> PublishAsync(CycleStatus status, ReviewCycleInput? start = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (!Projects(context))
        {
            context.SetCustomStatus(status);
            return status;
        }

        var shape = Shape(status);
        if (shape == _lastProjected)
        {
            context.SetCustomStatus(status);
            return status;
        }

        status = status with { Revision = status.Revision + 1 };
        context.SetCustomStatus(status);
        await context.CallActivityAsync<bool>(nameof(ProjectCycleActivity), new CycleProjection(status.CycleId, status.Revision, status)
        {
            Start = start is null ? null : ReviewCycleRecord.Starting(start) with { Version = context.Version },
        }, WorkflowRetry.Activity);
        _lastProjected = shape;
        return status;
    }

    /// <summary>
    /// A stage's last status, handed to its parent in the stage's result: shown as the child's custom status but not
    /// projected. The parent projects it with the next stage at once, so the read model never shows a command as applied
    /// while still naming the ending stage as the place to send the next one (a page would then show the old stage).
    /// </summary>
    public CycleStatus HandOver(CycleStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        context.SetCustomStatus(status);
        return status;
    }

    /// <summary>
    /// Starts a stage's child orchestration with the status it continues from, then publishes <paramref name="shown"/>
    /// (or that status): the child's start is scheduled in the same episode before the read model names it as the stage
    /// to send commands to, so no command can reach an instance that does not exist yet.
    /// </summary>
    public async Task<Task<T>> StartChildAsync<T>(CycleStatus status, Func<CycleStatus, Task<T>> start, CycleStatus? shown = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(start);
        var visible = shown ?? status;
        var revision = Projects(context) && Shape(visible) != _lastProjected ? visible.Revision + 1 : visible.Revision;
        var child = start(status with { Revision = revision });
        await PublishAsync(visible).ConfigureAwait(true);
        return child;
    }

    private static string Shape(CycleStatus status) => JsonSerializer.Serialize(status with { Revision = 0 }, WorkflowJson.Options);

    /// <summary>What a cycle shows before its first step has run, and what its first step publishes.</summary>
    public static CycleStatus First(ReviewCycleDefinition definition, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new CycleStatus
        {
            CycleId = definition.Id,
            Title = definition.Strategy.Title,
            Stage = CycleStage.Consultation,
            ConsultationCloses = definition.Consultation.Closes,
            Route = definition.Route,
            NextDeadline = new NextDeadline(definition.Consultation.Opens, $"The consultation opens on {Format(definition.Consultation.Opens)}"),
            UpdatedAt = now,
        };
    }
}
