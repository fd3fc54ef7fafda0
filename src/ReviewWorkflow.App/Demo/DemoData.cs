using Microsoft.DurableTask.Client;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.App.Demo;

/// <summary>
/// Seeds the demo through the same façade the pages use: starts the two <see cref="DemoCycles"/> if they do not exist,
/// stores some responses, and drives the pledge cycle to the Corporate Parenting Panel (close early, submit the draft).
/// Each step is taken only when the cycle is at that step, with fixed idempotency keys, so a second run (or a run after
/// a restart part-way) does only what is missing.
/// </summary>
public sealed partial class DemoData(
    ReviewCycleService cycles,
    ResponseStore responses,
    DurableTaskClient client,
    TimeProvider time,
    ILogger<DemoData> logger)
{
    private const string RequestId = "demo-seed";

    /// <summary>How long to wait for an orchestration to reach a stage (the dispatcher may still be starting).</summary>
    public TimeSpan StageTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public async Task<DemoSeedResult> SeedAsync(CancellationToken cancellationToken)
    {
        var settings = cycles.Settings;
        var today = CouncilClock.Today(time, settings);
        var result = new DemoSeedResult(0, 0, 0);

        result = await StartAsync(DemoCycles.Strategy(today, settings), result, cancellationToken).ConfigureAwait(false);
        result = await StartAsync(DemoCycles.Pledge(today, settings), result, cancellationToken).ConfigureAwait(false);

        // The strategy: in consultation, with some responses submitted and some saved.
        var strategy = await WaitForAsync(DemoCycles.StrategyCycleId, ConsultationRunning, "the strategy's consultation", cancellationToken).ConfigureAwait(false);
        if (strategy.Stage == CycleStage.Consultation)
        {
            result = await RespondAsync(DemoCycles.StrategyCycleId, result, cancellationToken).ConfigureAwait(false);
        }

        // The pledge: responses, consultation closed early, draft with "you said, we did", waiting for the Panel.
        var pledge = await WaitForAsync(DemoCycles.PledgeCycleId, ConsultationRunning, "the pledge's consultation", cancellationToken).ConfigureAwait(false);
        if (pledge.Stage == CycleStage.Consultation)
        {
            // Requests go at the council's send time (09:00); after it, let them go before closing, so the report counts them.
            if (time.GetUtcNow().UtcDateTime >= CouncilTime.SendAt(today, settings))
            {
                pledge = await WaitForAsync(DemoCycles.PledgeCycleId, v => v.Stage != CycleStage.Consultation || v.Counts.RequestsSent > 0, "the pledge's consultation requests", cancellationToken).ConfigureAwait(false);
            }

            result = await RespondAsync(DemoCycles.PledgeCycleId, result, cancellationToken).ConfigureAwait(false);
            result = await CommandAsync(cycles.CloseConsultationAsync(DemoCycles.PledgeCycleId, DemoCycles.Lead, RequestId, "demo-pledge-close", cancellationToken), result).ConfigureAwait(false);
            pledge = await WaitForAsync(DemoCycles.PledgeCycleId, v => v.Stage != CycleStage.Consultation, "the pledge's drafting stage", cancellationToken).ConfigureAwait(false);
        }

        if (pledge.Stage == CycleStage.Drafting && pledge.DraftVersion is null)
        {
            result = await CommandAsync(cycles.SubmitDraftAsync(DemoCycles.PledgeCycleId, DemoCycles.PledgeDraft, DemoCycles.Lead, RequestId, "demo-pledge-draft", cancellationToken), result).ConfigureAwait(false);
        }

        pledge = await WaitForAsync(DemoCycles.PledgeCycleId, v => v.Stage != CycleStage.Drafting, "the pledge's committee stage", cancellationToken).ConfigureAwait(false);
        LogSeeded(logger, result.CyclesStarted, result.CommandsSent, result.ResponsesStored, strategy.Stage, pledge.Stage, pledge.CurrentBody ?? "-");
        return result;
    }

    private async Task<DemoSeedResult> StartAsync(ReviewCycleDefinition definition, DemoSeedResult result, CancellationToken cancellationToken)
    {
        if (await cycles.GetCycleAsync(definition.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            LogAlreadyThere(logger, definition.Id);
            return result;
        }

        var started = await cycles.StartCycleAsync(definition, DemoCycles.Lead, RequestId, "demo-start-" + definition.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        EnsureSucceeded(started, "start " + definition.Id);
        if (started.Kind == CycleResultKind.Repeated)
        {
            return result;
        }

        LogStarted(logger, definition.Id, definition.Strategy.Title);
        return result with { CyclesStarted = result.CyclesStarted + 1 };
    }

    private async Task<DemoSeedResult> RespondAsync(string cycleId, DemoSeedResult result, CancellationToken cancellationToken)
    {
        var rules = await cycles.GetResponseRulesAsync(cycleId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The demo cycle {cycleId} has no response rules.");
        var consultees = (await cycles.GetConsulteesAsync(cycleId, cancellationToken).ConfigureAwait(false)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var response in DemoCycles.Responses(rules.PledgeCount))
        {
            var consulteeId = ConsulteeId.For(response.Email);
            if (!consultees.Contains(consulteeId) || await responses.GetAsync(cycleId, consulteeId, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var outcome = response.Submit
                ? await responses.SubmitAsync(cycleId, consulteeId, response.Contributor, null, rules, response.Content, $"demo-submit-{cycleId}-{consulteeId}", cancellationToken: cancellationToken).ConfigureAwait(false)
                : await responses.SaveAsync(cycleId, consulteeId, response.Content, response.Contributor, null, rules, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"The demo response of {response.Email} to {cycleId} was refused ({outcome.Kind}): {outcome.Message} "
                    + string.Join("; ", (outcome.Errors ?? []).Select(e => $"{e.Field}: {e.Message}")));
            }

            result = result with { ResponsesStored = result.ResponsesStored + 1 };
        }

        return result;
    }

    private static async Task<DemoSeedResult> CommandAsync(Task<CycleResult> command, DemoSeedResult result)
    {
        var done = await command.ConfigureAwait(false);
        EnsureSucceeded(done, "a command");
        return done.Kind == CycleResultKind.Accepted ? result with { CommandsSent = result.CommandsSent + 1 } : result;
    }

    /// <summary>The consultation's own orchestration runs (it takes the commands and knows the consultees), or the cycle is past it.</summary>
    private static bool ConsultationRunning(CycleView view) =>
        view.Stage != CycleStage.Consultation || !string.Equals(view.CommandTarget, view.CycleId, StringComparison.Ordinal);

    /// <summary>Polls the cycle until <paramref name="done"/> holds and the orchestration that takes commands is running.</summary>
    private async Task<CycleView> WaitForAsync(string cycleId, Func<CycleView, bool> done, string what, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StageTimeout);
        try
        {
            while (true)
            {
                var view = await cycles.GetCycleAsync(cycleId, timeout.Token).ConfigureAwait(false);
                if (view is { RuntimeStatus: "failed" })
                {
                    throw new InvalidOperationException($"The demo cycle {cycleId} failed: {view.Failure}");
                }

                if (view is not null && done(view)
                    && (view.Stage is CycleStage.Adopted or CycleStage.Closed || (await client.GetInstanceAsync(view.CommandTarget, timeout.Token).ConfigureAwait(false))?.IsRunning == true))
                {
                    return view;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Waited {StageTimeout} for {what} of the demo cycle {cycleId}; is the durable dispatcher running?");
        }
    }

    private static void EnsureSucceeded(CycleResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo data: could not {what} ({result.Kind}): " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Demo data: started {CycleId} ({Title}).")]
    private static partial void LogStarted(ILogger logger, string cycleId, string title);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Demo data: {CycleId} exists already; not started again.")]
    private static partial void LogAlreadyThere(ILogger logger, string cycleId);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "Demo data seeded: {Started} cycles started, {Commands} commands sent, {Responses} responses stored; strategy in {StrategyStage}, pledge in {PledgeStage} with {Body}.")]
    private static partial void LogSeeded(ILogger logger, int started, int commands, int responses, CycleStage strategyStage, CycleStage pledgeStage, string body);
}
