using System.Text.Json;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Drafting;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>What the committee report needs beyond <see cref="CycleView"/>: the definition and settings the cycle was
/// started with, and the latest accepted draft with its "you said, we did".</summary>
/// <param name="DraftRound">The drafting round <paramref name="Draft"/> came from (0 when there is none yet).</param>
public sealed record CycleReportSource(ReviewCycleDefinition Definition, CouncilSettings Settings, DraftSubmission? Draft, int DraftRound);

public sealed partial class ReviewCycleService
{
    /// <summary>
    /// The cycle's definition and snapshotted settings, and the newest draft the drafting orchestration accepted: a
    /// finished round's output, or (while it waits for sign-off) the submission in the running round's history whose
    /// version the status shows. Null when there is no such cycle.
    /// </summary>
    public async Task<CycleReportSource?> GetReportSourceAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var parent = await client.GetInstanceAsync(cycleId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (parent is null || parent.Name != OrchestrationNames.ReviewCycle || parent.ReadInputAs<ReviewCycleInput>() is not { } input)
        {
            return null;
        }

        var view = await ReadCycleAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return null;
        }

        for (var round = Math.Max(view.DraftRound, 1); round >= 1; round--)
        {
            if (await DraftOfRoundAsync(OrchestrationNames.DraftingId(cycleId, round), view.DraftVersion, cancellationToken).ConfigureAwait(false) is { } draft)
            {
                return new CycleReportSource(input.Definition, input.Settings, draft, round);
            }
        }

        return new CycleReportSource(input.Definition, input.Settings, null, 0);
    }

    private async Task<DraftSubmission?> DraftOfRoundAsync(string instanceId, string? acceptedVersion, CancellationToken cancellationToken)
    {
        var drafting = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (drafting is null)
        {
            return null;
        }

        if (drafting.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
        {
            return drafting.ReadOutputAs<DraftingResult>()?.Draft;
        }

        if (acceptedVersion is null)
        {
            return null;
        }

        var history = await client.GetOrchestrationHistoryAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return history.OfType<EventRaisedEvent>()
            .Where(e => e.Name == WorkflowCommand.EventName && e.Input is not null)
            .Select(e => JsonSerializer.Deserialize<WorkflowCommand>(e.Input!, Json.WorkflowJson.Options))
            .LastOrDefault(c => c is { Kind: CommandKind.SubmitDraft, Draft: { } d } && d.Version == acceptedVersion)?.Draft;
    }
}
