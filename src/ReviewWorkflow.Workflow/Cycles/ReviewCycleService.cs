using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Caching;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles.ReadModel;
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
    ReviewWorkflow.Directory.IDirectory directory,
    ReviewCycleTable cycles)
{
    private readonly WorkflowOptions _options = options.Value;

    /// <summary>Consultation inputs (immutable) in memory; per service instance (the service is a singleton), never static.</summary>
    internal ConsultationInputCache Consultations { get; } = new();

    private SharedRead<IReadOnlyDictionary<string, (string Status, string? Failure)>>? _stoppedRead;

    private SharedRead<IReadOnlyDictionary<string, (string Status, string? Failure)>> Stopped =>
        LazyInitializer.EnsureInitialized(ref _stoppedRead, () => new(StoppedFreshness, ReadStoppedAsync));

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
        // The read model's row first, so the cycle is listed from the moment it is accepted; the orchestration's first
        // step writes it again from its own input (so a row left by a start that never ran cannot misdescribe the cycle).
        await cycles.AddAsync(ReviewCycleRecord.Starting(input), cancellationToken).ConfigureAwait(false);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.ReviewCycle, input,
                new StartOrchestrationOptions(definition.Id) { Version = OrchestrationNames.CurrentVersion }, cancellationToken).ConfigureAwait(false);
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

        var input = existing.ReadInputAs<ReviewCycleInput>();
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
        return (Counted(view, tally), await ConsulteesAsync(cycleId, tally, cancellationToken, view).ConfigureAwait(false));
    }

    /// <summary>The cycle's read-model row and its parent instance (without input: one table read each), so the view
    /// shows the engine's runtime status and any failure.</summary>
    private async Task<CycleView?> ReadCycleAsync(string cycleId, CancellationToken cancellationToken)
    {
        var record = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        var parent = await client.GetInstanceAsync(cycleId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        return await ViewAsync(record, parent is null ? null : RuntimeOf(parent), cancellationToken).ConfigureAwait(false);
    }

    private static CycleView Counted(CycleView view, IReadOnlyDictionary<string, (ResponseStatus Status, bool Late)> tally) =>
        view with { Counts = view.Counts with { ResponsesSubmitted = tally.Values.Count(r => r.Status == ResponseStatus.Submitted) } };

    /// <summary>Every cycle, newest first, from the <c>ReviewCycles</c> read model: one query of its rows and one of the
    /// instances that stopped abnormally (failed, terminated, suspended: usually none), never every instance with its
    /// input. Responses submitted are counted from the response store (one status-only query per cycle).</summary>
    public async Task<IReadOnlyList<CycleView>> ListCyclesAsync(CancellationToken cancellationToken = default)
    {
        var records = await cycles.ListAsync(cancellationToken).ConfigureAwait(false);
        var abnormal = await Stopped.GetAsync(cancellationToken).ConfigureAwait(false);
        var counted = new CycleView[records.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, records.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var record = records[i];
            var view = await ViewAsync(record, abnormal.TryGetValue(record.CycleId, out var runtime) ? runtime : null, ct).ConfigureAwait(false);
            counted[i] = Counted(view, await responses.TallyAsync(record.CycleId, ct).ConfigureAwait(false));
        }).ConfigureAwait(false);
        return [.. counted.OrderByDescending(v => v.StartedAt)];
    }

    /// <summary>Review cycles whose orchestration failed, was terminated or suspended (usually none). The query filters the
    /// task hub's instances on a column that is not a key, so the store reads them all: it is shared by the listings
    /// of a few seconds (a failure shows on the dashboard within <see cref="StoppedFreshness"/>; the cycle page reads its
    /// own instance every time).</summary>
    private async Task<IReadOnlyDictionary<string, (string Status, string? Failure)>> ReadStoppedAsync()
    {
        var stopped = new Dictionary<string, (string Status, string? Failure)>(StringComparer.Ordinal);
        var query = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated, OrchestrationRuntimeStatus.Suspended] };
        await foreach (var instance in client.GetAllInstancesAsync(query).ConfigureAwait(false))
        {
            if (instance.Name == OrchestrationNames.ReviewCycle)
            {
                stopped[instance.InstanceId] = RuntimeOf(instance);
            }
        }

        return stopped;
    }

    internal static readonly TimeSpan StoppedFreshness = TimeSpan.FromSeconds(5);

    /// <summary>What a consultee's save or submission is checked against now: closing date after extensions, closed
    /// early, late rule — one read of the cycle's row.</summary>
    public async Task<ResponseRules?> GetResponseRulesAsync(string cycleId, CancellationToken cancellationToken = default) =>
        await CurrentAsync(cycleId, cancellationToken).ConfigureAwait(false) is { } current
            ? RulesOf(current.Record, current.Status)
            : null;

    /// <summary>The response rules of the cycle with the closing date and early close as they are now.</summary>
    private static ResponseRules RulesOf(ReviewCycleRecord record, CycleStatus status) =>
        ResponseRules.For(record.Definition with { Consultation = record.Definition.Consultation with { Closes = status.ConsultationCloses } }, record.Settings, status.ConsultationClosedEarly);

    /// <summary>The cycle's row and its status now (for a version 1 cycle, read from its orchestrations).</summary>
    private async Task<(ReviewCycleRecord Record, CycleStatus Status)?> CurrentAsync(string cycleId, CancellationToken cancellationToken)
    {
        var record = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        return record is null ? null : (record, await StatusOfAsync(record, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The row's status; a version 1 cycle (started before the read model) never writes its row after the start, so its
    /// status is read from the parent orchestration and its active child instead.
    /// </summary>
    private async Task<CycleStatus> StatusOfAsync(ReviewCycleRecord record, CancellationToken cancellationToken)
    {
        if (record.IsProjected)
        {
            return record.Status;
        }

        var status = (await client.GetInstanceAsync(record.CycleId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false))?.ReadCustomStatusAs<CycleStatus>() ?? record.Status;
        if (status.ActiveInstanceId is { } child && await client.GetInstanceAsync(child, cancellationToken).ConfigureAwait(false) is { IsRunning: true } running
            && running.ReadCustomStatusAs<CycleStatus>() is { } childStatus)
        {
            status = childStatus.UpdatedAt < status.UpdatedAt ? childStatus with { UpdatedAt = status.UpdatedAt } : childStatus;
        }

        return status;
    }

    /// <summary>A new cycle's definition prefilled from <paramref name="cycleId"/> (the "start the next review" link):
    /// from the parent's input, which (unlike the read model) lists the consultees.</summary>
    public async Task<ReviewCycleDefinition?> GetTemplateAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var parent = await client.GetInstanceAsync(cycleId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return parent?.ReadInputAs<ReviewCycleInput>() is { } input ? CycleTemplate.From(input.Definition) : null;
    }

    /// <summary>Each consultee with their response status and whether their email bounced (empty before consultees are resolved).</summary>
    public async Task<IReadOnlyList<ConsulteeProgress>> GetConsulteesAsync(string cycleId, CancellationToken cancellationToken = default) =>
        await ConsulteesAsync(cycleId, null, cancellationToken).ConfigureAwait(false);

    /// <param name="tally">The responses as already read in this request, or null to read them.</param>
    /// <param name="view">The cycle as just read: while its consultation runs (version 2), the read model's status is the
    /// consultation's own, so who bounced is read from it and the consultation instance is not read.</param>
    private async Task<IReadOnlyList<ConsulteeProgress>> ConsulteesAsync(string cycleId, IReadOnlyDictionary<string, (ResponseStatus Status, bool Late)>? tally, CancellationToken cancellationToken,
        CycleView? view = null)
    {
        // The consultation's input (a blob) and its result never change: read each once, then only the small instance row
        // while it runs (its status lists who bounced so far), and nothing once it has finished.
        var consultationId = OrchestrationNames.ConsultationId(cycleId, 1);
        var bounced = Consultations.BouncedAtClose(consultationId)
            ?? (view is { DecidesCommands: true, Stage: CycleStage.Consultation } && view.CommandTarget == consultationId ? view.BouncedConsultees.ToHashSet(StringComparer.Ordinal) : null);
        OrchestrationMetadata? consultation = null;
        if (bounced is null || !Consultations.Holds(consultationId))
        {
            consultation = await client.GetInstanceAsync(consultationId, getInputsAndOutputs: !Consultations.Holds(consultationId), cancellationToken).ConfigureAwait(false);
            if (consultation is { RuntimeStatus: OrchestrationRuntimeStatus.Completed, SerializedOutput: null })
            {
                consultation = await client.GetInstanceAsync(consultationId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
            }

            if (consultation is null)
            {
                return [];
            }

            bounced = consultation.RuntimeStatus == OrchestrationRuntimeStatus.Completed && consultation.ReadOutputAs<ConsultationResult>() is { } result
                ? Consultations.Closed(consultationId, result.Bounced)
                : (consultation.ReadCustomStatusAs<CycleStatus>()?.BouncedConsultees ?? []).ToHashSet(StringComparer.Ordinal);
        }

        if (await Consultations.GetAsync(consultationId, () => Task.FromResult(consultation?.ReadInputAs<ConsultationInput>())).ConfigureAwait(false) is not { Input: var input })
        {
            return [];
        }

        var stored = tally ?? await responses.TallyAsync(cycleId, cancellationToken).ConfigureAwait(false);
        return [.. input.Consultees.Select(c =>
        {
            var (status, late) = stored.TryGetValue(c.Id, out var r) ? r : (ResponseStatus.NotStarted, false);
            return new ConsulteeProgress(c.Id, c.Name, c.Email, c.GroupName, c.Audience, status, late, bounced.Contains(c.Id));
        })];
    }

    private static DateTimeOffset AsUtc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private static (string Status, string? Failure) RuntimeOf(OrchestrationMetadata instance) =>
        (instance.RuntimeStatus.ToString().ToLowerInvariant(), instance.FailureDetails?.ErrorMessage);

    /// <param name="runtime">The engine's view of the parent when read; otherwise it follows from the stage.</param>
    private async Task<CycleView> ViewAsync(ReviewCycleRecord record, (string Status, string? Failure)? runtime, CancellationToken cancellationToken)
    {
        var definition = record.Definition;
        var status = await StatusOfAsync(record, cancellationToken).ConfigureAwait(false);
        // When the cycle last changed on the app's clock (the orchestrators stamp their status with their logical now).
        var updatedAt = status.UpdatedAt != default ? AsUtc(status.UpdatedAt) : record.StartedAt;

        // Overdue is a matter of today, not of when the orchestration last woke: computed at each read from the app's clock.
        var today = CouncilClock.Today(time, record.Settings);
        var deadline = status.NextDeadline is { } next ? next with { Overdue = next.Date < today } : null;
        var ended = status.Stage == CycleStage.Closed || (status.Stage == CycleStage.Adopted && status.ActiveInstanceId is null);

        return new CycleView
        {
            CycleId = record.CycleId,
            Title = status.Title.Length > 0 ? status.Title : definition.Strategy.Title,
            Stage = status.Stage,
            RuntimeStatus = runtime?.Status ?? (ended ? "completed" : record.Revision == 0 && record.IsProjected ? "pending" : "running"),
            Failure = runtime?.Failure,
            Lead = definition.Lead,
            CurrentBody = status.CurrentBody,
            CurrentBodyIndex = status.CurrentBodyIndex,
            Counts = status.Counts,
            NextDeadline = deadline,
            ConsultationOpens = definition.Consultation.Opens,
            ConsultationCloses = status.ConsultationCloses,
            ConsultationClosedEarly = status.ConsultationClosedEarly,
            DraftingDeadline = definition.DraftingDeadline,
            Route = status.Route,
            Decisions = status.Decisions,
            DraftRound = status.DraftRound,
            DraftVersion = status.DraftVersion,
            DraftUrl = status.DraftUrl,
            DraftSignedOff = status.DraftSignedOff,
            AwaitingSignOff = status.AwaitingSignOff,
            DirectorSignOff = definition.DirectorSignOff,
            ReferredBackComments = status.ReferredBackComments,
            AdoptedOn = status.AdoptedOn,
            ClosedReason = status.ClosedReason,
            NextReviewNotifiedOn = status.NextReviewNotifiedOn,
            BouncedConsultees = status.BouncedConsultees,
            ConsultationHold = status.ConsultationHold,
            RecentCommands = status.RecentCommands,
            CommandTarget = status.ActiveInstanceId ?? record.CycleId,
            DecidesCommands = record.IsProjected,
            StartedAt = record.StartedAt,
            UpdatedAt = updatedAt,
        };
    }

    /// <summary>"cycle-" and 16 hex digits of SHA-256 over the key: the same key always names the same cycle.</summary>
    public static string DeriveId(string idempotencyKey) =>
        "cycle-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..16];
}
