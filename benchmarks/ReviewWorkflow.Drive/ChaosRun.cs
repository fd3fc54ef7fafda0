namespace ReviewWorkflow.Drive;

/// <summary>
/// <c>chaos</c>: starts the app, then drives every cycle from start to adoption through the API while a
/// <see cref="Killer"/> SIGKILLs and restarts the app; every call is retried with its one idempotency key until the
/// app answers definitively. Then <see cref="ChaosVerifier"/> checks the outcome through the API, the tables and the outbox.
/// </summary>
internal static class ChaosRun
{
    private const int Parallelism = 6;

    public static async Task<int> RunAsync(DriveOptions options)
    {
        System.IO.Directory.CreateDirectory(options.WorkFolder);
        var random = new Random(options.Seed);
        await using var app = new AppProcess(options);
        using var api = new ApiClient(app.BaseAddress, maxConnections: 32, timeout: TimeSpan.FromSeconds(30));
        var steps = new Steps(api);
        Log.Say($"Seed {options.Seed}; app on {app.BaseAddress}, task hub {app.TaskHub}, work folder {options.WorkFolder}");
        await app.StartAsync();

        var day0 = CyclePlan.NextMondayMorning(DateTimeOffset.UtcNow);
        var plan = new CyclePlan("chaos", options.Cycles, options.Consultees, DateOnly.FromDateTime(day0.UtcDateTime), i => i % 5 == 0);
        await steps.JumpClockAsync(day0, CancellationToken.None);

        using var killer = new Killer(app, random);
        using var stopKilling = new CancellationTokenSource();
        var killing = killer.RunAsync(stopKilling.Token);
        var ct = CancellationToken.None;

        Log.Say($"Starting {plan.Cycles.Count} cycles × {options.Consultees} consultees");
        await steps.ForEachAsync(plan.Cycles, Parallelism, async (cycle, token) =>
            await steps.CommandAsync(HttpMethod.Post, "api/cycles", plan.StartRequest(cycle), "start-" + cycle.Id, CyclePlan.Lead, token).ConfigureAwait(false), ct);

        Log.Say("Waiting for every consultation request in the outbox");
        var tokensDeadline = DateTime.UtcNow.AddMinutes(8);
        while (!await Outbox.CollectTokensAsync(api, plan.Cycles, ct) && DateTime.UtcNow < tokensDeadline)
        {
            await Task.Delay(2000, ct);
        }

        await RespondAsync(steps, plan, ct);
        await DraftAsync(steps, plan, ct);
        await DecideAsync(steps, plan, ct);

        await stopKilling.CancelAsync();
        await killing;
        while (killer.Crashes < options.Kills)
        {
            Log.Say($"Only {killer.Crashes} crashes so far; killing again");
            await killer.KillAndRestartAsync();
            await Task.Delay(random.Next(1000, 4000), ct);
        }

        Log.Say($"Driving done: {killer.Crashes} crashes, {api.Retries} retried attempts; verifying");
        var verdict = await new ChaosVerifier(steps, app, plan, options.Storage).VerifyAsync(ct);
        foreach (var failure in steps.Failures.Take(30))
        {
            Console.WriteLine("failure: " + failure);
        }

        Console.WriteLine($"retried_attempts={api.Retries} failed_calls={steps.Failures.Count} stage_mismatches={verdict.StageMismatches}");
        Console.WriteLine($"RESULT cycles={plan.Cycles.Count} crashes={killer.Crashes} lost_responses={verdict.LostResponses} duplicate_decisions={verdict.DuplicateDecisions} "
            + $"missing_requests={verdict.MissingRequests} duplicate_emails={verdict.DuplicateEmails} audit_chain_ok={(verdict.AuditChainOk ? "true" : "false")}");
        return verdict.LostResponses == 0 && verdict.DuplicateDecisions == 0 && verdict.MissingRequests == 0 && verdict.AuditChainOk && verdict.StageMismatches == 0 ? 0 : 1;
    }

    /// <summary>Per cycle: all but the last two consultees open, save and submit; one only saves; one does nothing.</summary>
    private static async Task RespondAsync(Steps steps, CyclePlan plan, CancellationToken ct)
    {
        var consultees = plan.Cycles.SelectMany(c => c.Consultees.Select((consultee, j) => (consultee, j, c.Consultees.Count))).ToList();
        Log.Say($"Responding: {consultees.Count} consultees");
        await steps.ForEachAsync(consultees, Parallelism * 2, async (item, token) =>
        {
            var (consultee, j, count) = item;
            if (consultee.Token is not { } linkToken)
            {
                steps.Fail($"No consultation request (token) found for {consultee.Email}");
                return;
            }

            if (j == count - 1)
            {
                return;
            }

            var path = $"api/responses/{Uri.EscapeDataString(linkToken)}";
            await steps.Api.CallAsync(HttpMethod.Get, path, cancellationToken: token).ConfigureAwait(false);
            var saved = await steps.CommandAsync(HttpMethod.Put, path, CyclePlan.Answers(consultee), "save-" + consultee.Email, null, token).ConfigureAwait(false);
            if (saved.Ok)
            {
                consultee.Action = ConsulteeAction.Saved;
            }

            if (j == count - 2)
            {
                return;
            }

            var submitted = await steps.CommandAsync(HttpMethod.Post, path + "/submit", CyclePlan.Answers(consultee), "submit-" + consultee.Email, null, token).ConfigureAwait(false);
            if (submitted.Ok)
            {
                consultee.Action = ConsulteeAction.Submitted;
            }
        }, ct);
    }

    private static async Task DraftAsync(Steps steps, CyclePlan plan, CancellationToken ct)
    {
        Log.Say("Closing consultations and submitting drafts");
        await steps.ForEachAsync(plan.Cycles, Parallelism, async (cycle, token) =>
        {
            var path = $"api/cycles/{cycle.Id}";
            await steps.CommandAsync(HttpMethod.Post, path + "/consultation/close", new { }, "close-" + cycle.Id, CyclePlan.Lead, token).ConfigureAwait(false);
            if (!await steps.WaitForAsync(cycle.Id, c => Steps.StageIs(c, "drafting"), "drafting", token).ConfigureAwait(false))
            {
                return;
            }

            await steps.CommandAsync(HttpMethod.Post, path + "/drafts", CyclePlan.Draft(cycle), "draft-" + cycle.Id, CyclePlan.Lead, token).ConfigureAwait(false);
            await steps.WaitForAsync(cycle.Id, c => Steps.WithBody(c, CyclePlan.Panel), "the report with the Panel", token).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>Panel: endorse (every fifth cycle: defer a week, then endorse); Cabinet: adopt.</summary>
    private static async Task DecideAsync(Steps steps, CyclePlan plan, CancellationToken ct)
    {
        await steps.JumpClockAsync(CyclePlan.Midday(plan.PanelMeets), ct);
        Log.Say("Panel decisions");
        await steps.ForEachAsync(plan.Cycles, Parallelism, async (cycle, token) =>
        {
            var decision = cycle.Deferred
                ? CyclePlan.Decision(CyclePlan.Panel, plan.PanelMeets, "defer", plan.PanelDeferredTo)
                : CyclePlan.Decision(CyclePlan.Panel, plan.PanelMeets, "endorse");
            await steps.CommandAsync(HttpMethod.Post, $"api/cycles/{cycle.Id}/decisions", decision, "panel-" + cycle.Id, CyclePlan.Clerk, token).ConfigureAwait(false);
            await steps.WaitForAsync(cycle.Id, c => cycle.Deferred
                ? Steps.WithBody(c, CyclePlan.Panel) && Steps.Decisions(c) >= 1
                : Steps.WithBody(c, CyclePlan.Cabinet), "the Panel's decision applied", token).ConfigureAwait(false);
        }, ct);

        await steps.JumpClockAsync(CyclePlan.Midday(plan.PanelDeferredTo), ct);
        Log.Say("Deferred Panel meetings");
        await steps.ForEachAsync(plan.Cycles.Where(c => c.Deferred), Parallelism, async (cycle, token) =>
        {
            await steps.CommandAsync(HttpMethod.Post, $"api/cycles/{cycle.Id}/decisions", CyclePlan.Decision(CyclePlan.Panel, plan.PanelDeferredTo, "endorse"),
                "panel-deferred-" + cycle.Id, CyclePlan.Clerk, token).ConfigureAwait(false);
            await steps.WaitForAsync(cycle.Id, c => Steps.WithBody(c, CyclePlan.Cabinet), "the report with Cabinet", token).ConfigureAwait(false);
        }, ct);

        await steps.JumpClockAsync(CyclePlan.Midday(plan.CabinetMeets), ct);
        Log.Say("Cabinet decisions");
        await steps.ForEachAsync(plan.Cycles, Parallelism, async (cycle, token) =>
        {
            await steps.CommandAsync(HttpMethod.Post, $"api/cycles/{cycle.Id}/decisions", CyclePlan.Decision(CyclePlan.Cabinet, plan.CabinetMeets, "adopt"),
                "cabinet-" + cycle.Id, CyclePlan.Clerk, token).ConfigureAwait(false);
            await steps.WaitForAsync(cycle.Id, c => Steps.StageIs(c, "adopted"), "adoption", token).ConfigureAwait(false);
        }, ct);
    }
}
