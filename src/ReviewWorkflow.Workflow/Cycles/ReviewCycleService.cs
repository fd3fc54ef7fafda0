using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles.Caching;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Hosting;
using ReviewWorkflow.Workflow.Monitoring;
using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// What the pages and the API call to run review cycles. Every call validates first and returns a
/// <see cref="CycleResult"/> (bad input changes nothing); every change appends an audit row (actor, role, time, request
/// id) before the running orchestration is told, keyed by the caller's idempotency key, so a retried call neither
/// starts a second cycle nor applies a command twice.
/// </summary>
public sealed partial class ReviewCycleService(
    DurableTaskClient client,
    AuditLog audit,
    ResponseStore responses,
    IOptions<WorkflowOptions> options,
    TimeProvider time,
    ReviewWorkflow.Directory.IDirectory directory)
{
    private readonly WorkflowOptions _options = options.Value;

    /// <summary>Cycle definitions, consultation inputs and (for at most a second) the live status, in memory; see
    /// <see cref="CycleCache"/>. Per service instance (the service is a singleton), never static.</summary>
    internal CycleCache Cache { get; } = new(TimeProvider.System);

    /// <summary>The council settings a new cycle would snapshot (for pages that show dates before starting).</summary>
    public CouncilSettings Settings => _options.ToCouncilSettings();

    /// <summary>
    /// Validates <paramref name="definition"/> and starts its cycle. The cycle id is the definition's id, or (when empty)
    /// derived from <paramref name="idempotencyKey"/>; a retry with the same key returns the existing cycle
    /// (<see cref="CycleResultKind.Repeated"/>), another start with a taken id is a conflict.
    /// </summary>
    public async Task<CycleResult> StartCycleAsync(ReviewCycleDefinition definition, Actor actor, string requestId, string idempotencyKey, string? previousCycleId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(actor);
        if (!IdempotencyKeys.IsValid(idempotencyKey))
        {
            return CycleResult.Invalid(definition.Id, "idempotencyKey", IdempotencyKeys.Advice("an idempotency key", "a retried request does not start a second cycle"));
        }

        var settings = _options.ToCouncilSettings();
        if (string.IsNullOrEmpty(definition.Id))
        {
            definition = definition with { Id = DeriveId(idempotencyKey) };
        }

        var errors = ReviewCycleValidator.Validate(definition, settings, CouncilClock.Today(time, settings));
        if (errors.Count > 0)
        {
            return CycleResult.Invalid(definition.Id, errors);
        }

        var startHash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(definition)));
        if (await ExistingStartAsync(definition.Id, idempotencyKey, startHash, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        if (await CheckDirectoryGroupsAsync(definition, cancellationToken).ConfigureAwait(false) is { Count: > 0 } groupErrors)
        {
            return CycleResult.Invalid(definition.Id, groupErrors);
        }

        await audit.AppendAsync(definition.Id, new AuditEvent
        {
            Actor = actor.Email,
            Role = actor.Role,
            Action = AuditActions.CycleStarted,
            Subject = definition.Strategy.Title,
            Details = new JsonObject { ["previousCycleId"] = previousCycleId, ["consultationCloses"] = $"{definition.Consultation.Closes:yyyy-MM-dd}" },
            RequestId = requestId,
            IdempotencyKey = "start:" + idempotencyKey,
        }, cancellationToken).ConfigureAwait(false);
        var input = new ReviewCycleInput
        {
            Definition = definition,
            Settings = settings,
            StartedBy = actor.Email,
            RequestId = requestId,
            StartKey = idempotencyKey,
            StartHash = startHash,
            PreviousCycleId = previousCycleId,
            StartedAt = time.GetUtcNow().UtcDateTime,
        };
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.ReviewCycle, input,
                new StartOrchestrationOptions(definition.Id) { Version = OrchestrationNames.CurrentVersion }, cancellationToken).ConfigureAwait(false);
            Cache.Invalidate(definition.Id);
        }
        catch (InvalidOperationException)
        {
            // Started concurrently: by this key (a retry) or by another.
            return await ExistingStartAsync(definition.Id, idempotencyKey, startHash, cancellationToken).ConfigureAwait(false)
                ?? CycleResult.Conflict(definition.Id, "id", $"A review cycle with the id '{definition.Id}' already exists; choose another id.");
        }

        return new CycleResult(CycleResultKind.Accepted, definition.Id, [], await GetCycleAsync(definition.Id, cancellationToken).ConfigureAwait(false));
    }

    private async Task<CycleResult?> ExistingStartAsync(string cycleId, string idempotencyKey, string startHash, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(cycleId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return null;
        }

        var input = InputOf(existing);
        if (input?.StartKey == idempotencyKey && input.StartHash is { } hash && hash != startHash)
        {
            return CycleResult.KeyReused(cycleId);
        }

        return input?.StartKey == idempotencyKey
            ? new CycleResult(CycleResultKind.Repeated, cycleId, [], await GetCycleAsync(cycleId, cancellationToken).ConfigureAwait(false))
            : CycleResult.Conflict(cycleId, "id", $"A review cycle with the id '{cycleId}' already exists; choose another id.");
    }

    /// <summary>The cycle, or null. Response counts are read live from the response store.</summary>
    public async Task<CycleView?> GetCycleAsync(string cycleId, CancellationToken cancellationToken = default) =>
        await ReadCycleAsync(cycleId, cancellationToken).ConfigureAwait(false) is { } view
            ? Counted(view, await responses.TallyAsync(cycleId, cancellationToken).ConfigureAwait(false))
            : null;

    /// <summary>The cycle (as <see cref="GetCycleAsync"/>) and its consultees (as <see cref="GetConsulteesAsync"/>), the
    /// responses read once for both: the cycle page shows both.</summary>
    public async Task<(CycleView Cycle, IReadOnlyList<ConsulteeProgress> Consultees)?> GetCycleWithConsulteesAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        if (await ReadCycleAsync(cycleId, cancellationToken).ConfigureAwait(false) is not { } view)
        {
            return null;
        }

        var tally = await responses.TallyAsync(cycleId, cancellationToken).ConfigureAwait(false);
        return (Counted(view, tally), await ConsulteesAsync(cycleId, tally, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The cycle's parent instance. Its input (the definition and consultees: with a few hundred consultees a blob the
    /// engine downloads and unzips) is fetched only when this process has not parsed it yet — it never changes once
    /// started — so a status read is one table read, not a blob download.
    /// </summary>
    private async Task<OrchestrationMetadata?> ReadParentAsync(string cycleId, CancellationToken cancellationToken)
    {
        var parent = await client.GetInstanceAsync(cycleId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        return parent is null ? null : await WithInputAsync(parent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><paramref name="instance"/> as read, or read again with its input when this process has not parsed it.</summary>
    private async Task<OrchestrationMetadata> WithInputAsync(OrchestrationMetadata instance, CancellationToken cancellationToken) =>
        Cache.HasDefinition(instance.InstanceId, instance.CreatedAt)
            ? instance
            : await client.GetInstanceAsync(instance.InstanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false) ?? instance;

    private async Task<CycleView?> ReadCycleAsync(string cycleId, CancellationToken cancellationToken)
    {
        var parent = await ReadParentAsync(cycleId, cancellationToken).ConfigureAwait(false);
        return parent is null || parent.Name != OrchestrationNames.ReviewCycle ? null : await ViewAsync(parent, cancellationToken).ConfigureAwait(false);
    }

    private static CycleView Counted(CycleView view, IReadOnlyDictionary<string, (ResponseStatus Status, bool Late)> tally) =>
        view with { Counts = view.Counts with { ResponsesSubmitted = tally.Values.Count(r => r.Status == ResponseStatus.Submitted) } };

    /// <summary>Every cycle, newest first. Stage, dates and counts are as of the orchestration's last step, a few seconds
    /// old at most (<see cref="CycleCache.ListAsync"/>; never older than a start or command this process sent); responses
    /// submitted are counted from the response store with each load, so they are at most as old as the list.</summary>
    public Task<IReadOnlyList<CycleView>> ListCyclesAsync(CancellationToken cancellationToken = default) =>
        Cache.ListAsync(async () =>
        {
            var views = new List<CycleView>();
            await foreach (var listed in client.GetAllInstancesAsync(new OrchestrationQuery()).ConfigureAwait(false))
            {
                if (listed.Name == OrchestrationNames.ReviewCycle)
                {
                    var instance = await WithInputAsync(listed, CancellationToken.None).ConfigureAwait(false);
                    views.Add(await ViewAsync(instance, CancellationToken.None).ConfigureAwait(false));
                }
            }

            // Submissions counted from the responses table with the list (so as old as the list, no older): one
            // status-only query per cycle per load, shared by every dashboard, clerk and API caller meanwhile.
            var counted = new CycleView[views.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, views.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                var view = views[i];
                counted[i] = Counted(view, await responses.TallyAsync(view.CycleId, ct).ConfigureAwait(false));
            }).ConfigureAwait(false);
            return [.. counted.OrderByDescending(v => v.StartedAt)];
        }).WaitAsync(cancellationToken);

    /// <summary>What a consultee's save or submission is checked against now: closing date after extensions, closed early, late rule.</summary>
    /// <remarks>The live status may be up to <see cref="CycleCache.StatusTtl"/> old (never older than a command this
    /// process sent); the closing DATE is compared with today by the caller, so passing it needs no fresh read.</remarks>
    public async Task<ResponseRules?> GetResponseRulesAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        if (await LiveStatusAsync(cycleId).ConfigureAwait(false) is not { } live)
        {
            return null;
        }

        return LiveRules(live.Input.Definition, live.Input.Settings, live);
    }

    /// <summary>The response rules of <paramref name="definition"/> with the closing date and early close as they are now.</summary>
    private static ResponseRules LiveRules(ReviewCycleDefinition definition, CouncilSettings settings, LiveStatus live) =>
        ResponseRules.For(definition with { Consultation = definition.Consultation with { Closes = live.ConsultationCloses } }, settings, live.ConsultationClosedEarly);

    /// <summary>The cycle's definition and live consultation status, from <see cref="Cache"/> when fresh enough: one read
    /// of the parent (and of its active child) per cycle per <see cref="CycleCache.StatusTtl"/>, shared by all callers.</summary>
    /// <remarks>The load takes no cancellation token: it is shared, and one caller going away must not fail the others.</remarks>
    private Task<LiveStatus?> LiveStatusAsync(string cycleId) =>
        Cache.StatusAsync(cycleId, async () =>
        {
            var parent = await ReadParentAsync(cycleId, CancellationToken.None).ConfigureAwait(false);
            if (parent is null || parent.Name != OrchestrationNames.ReviewCycle || InputOf(parent) is not { } input)
            {
                return null;
            }

            var view = await ViewAsync(parent, CancellationToken.None).ConfigureAwait(false);
            return new LiveStatus(input, view.ConsultationCloses, view.ConsultationClosedEarly, view.Stage, view.RecentCommands);
        });

    /// <summary>The parent's input, parsed once per instance (it never changes once started).</summary>
    private ReviewCycleInput? InputOf(OrchestrationMetadata parent) =>
        Cache.Definition(parent.InstanceId, parent.CreatedAt, parent.ReadInputAs<ReviewCycleInput>);

    /// <summary>A new cycle's definition prefilled from <paramref name="cycleId"/> (the "start the next review" link).</summary>
    public async Task<ReviewCycleDefinition?> GetTemplateAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var parent = await client.GetInstanceAsync(cycleId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return parent is not null && InputOf(parent) is { } input ? CycleTemplate.From(input.Definition) : null;
    }

    /// <summary>Each consultee with their response status and whether their email bounced (empty before consultees are resolved).</summary>
    public async Task<IReadOnlyList<ConsulteeProgress>> GetConsulteesAsync(string cycleId, CancellationToken cancellationToken = default) =>
        await ConsulteesAsync(cycleId, null, cancellationToken).ConfigureAwait(false);

    /// <param name="tally">The responses as already read in this request, or null to read them.</param>
    private async Task<IReadOnlyList<ConsulteeProgress>> ConsulteesAsync(string cycleId, IReadOnlyDictionary<string, (ResponseStatus Status, bool Late)>? tally, CancellationToken cancellationToken)
    {
        var consultation = await client.GetInstanceAsync(OrchestrationNames.ConsultationId(cycleId, 1), getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (consultation is null
            || await Cache.ConsultationAsync(consultation.InstanceId, () => Task.FromResult(consultation.ReadInputAs<ConsultationInput>())).ConfigureAwait(false) is not { Input: var input })
        {
            return [];
        }

        var bounced = (consultation.ReadOutputAs<ConsultationResult>()?.Bounced ?? consultation.ReadCustomStatusAs<CycleStatus>()?.BouncedConsultees ?? []).ToHashSet(StringComparer.Ordinal);
        var stored = tally ?? await responses.TallyAsync(cycleId, cancellationToken).ConfigureAwait(false);
        return [.. input.Consultees.Select(c =>
        {
            var (status, late) = stored.TryGetValue(c.Id, out var r) ? r : (ResponseStatus.NotStarted, false);
            return new ConsulteeProgress(c.Id, c.Name, c.Email, c.GroupName, c.Audience, status, late, bounced.Contains(c.Id));
        })];
    }

    private static DateTimeOffset AsUtc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private async Task<CycleView> ViewAsync(OrchestrationMetadata parent, CancellationToken cancellationToken)
    {
        var input = InputOf(parent) ?? new ReviewCycleInput();
        var status = parent.ReadCustomStatusAs<CycleStatus>() ?? NotYetRun(parent.InstanceId, input.Definition);
        // When the cycle last changed on the app's clock (the orchestrators stamp their status with their logical now); the
        // engine's LastUpdatedAt is wall-clock time and knows nothing of a moved development clock.
        var updatedAt = status.UpdatedAt != default ? AsUtc(status.UpdatedAt) : input.StartedAt is { } started ? AsUtc(started) : parent.LastUpdatedAt;
        if (status.ActiveInstanceId is { } child && await client.GetInstanceAsync(child, cancellationToken).ConfigureAwait(false) is { IsRunning: true } running
            && running.ReadCustomStatusAs<CycleStatus>() is { } childStatus)
        {
            status = childStatus;
            updatedAt = AsUtc(childStatus.UpdatedAt) > updatedAt ? AsUtc(childStatus.UpdatedAt) : updatedAt; // the stage steps while the parent waits
        }

        // Overdue is a matter of today, not of when the orchestration last woke: computed at each read from the app's clock.
        var today = CouncilClock.Today(time, input.Settings);
        var deadline = status.NextDeadline is { } next ? next with { Overdue = next.Date < today } : null;

        return new CycleView
        {
            CycleId = parent.InstanceId,
            Title = status.Title,
            Stage = status.Stage,
            RuntimeStatus = parent.RuntimeStatus.ToString().ToLowerInvariant(),
            Failure = parent.FailureDetails?.ErrorMessage,
            Lead = input.Definition.Lead,
            CurrentBody = status.CurrentBody,
            CurrentBodyIndex = status.CurrentBodyIndex,
            Counts = status.Counts,
            NextDeadline = deadline,
            ConsultationOpens = input.Definition.Consultation.Opens,
            ConsultationCloses = status.ConsultationCloses,
            ConsultationClosedEarly = status.ConsultationClosedEarly,
            DraftingDeadline = input.Definition.DraftingDeadline,
            Route = status.Route,
            Decisions = status.Decisions,
            DraftRound = status.DraftRound,
            DraftVersion = status.DraftVersion,
            DraftUrl = status.DraftUrl,
            DraftSignedOff = status.DraftSignedOff,
            AwaitingSignOff = status.AwaitingSignOff,
            DirectorSignOff = input.Definition.DirectorSignOff,
            ReferredBackComments = status.ReferredBackComments,
            AdoptedOn = status.AdoptedOn,
            ClosedReason = status.ClosedReason,
            NextReviewNotifiedOn = status.NextReviewNotifiedOn,
            BouncedConsultees = status.BouncedConsultees,
            ConsultationHold = status.ConsultationHold,
            RecentCommands = status.RecentCommands,
            CommandTarget = status.ActiveInstanceId ?? parent.InstanceId,
            StartedAt = parent.CreatedAt,
            UpdatedAt = updatedAt,
        };
    }

    /// <summary>The status of a cycle whose orchestration has been scheduled but has not run its first step yet (the
    /// engine runs it moments later): what its first step will show.</summary>
    private static CycleStatus NotYetRun(string cycleId, ReviewCycleDefinition definition) => new()
    {
        CycleId = cycleId,
        Title = definition.Strategy.Title,
        Stage = CycleStage.Consultation,
        ConsultationCloses = definition.Consultation.Closes,
        Route = definition.Route,
        NextDeadline = new NextDeadline(definition.Consultation.Opens, $"The consultation opens on {Deadlines.DateText.Format(definition.Consultation.Opens)}"),
    };

    /// <summary>"cycle-" and 16 hex digits of SHA-256 over the key: the same key always names the same cycle.</summary>
    public static string DeriveId(string idempotencyKey) =>
        "cycle-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..16];
}
