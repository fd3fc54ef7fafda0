using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Drive;

internal sealed record ChaosVerdict(int StageMismatches, int LostResponses, int DuplicateDecisions, int MissingRequests, int DuplicateEmails, bool AuditChainOk);

/// <summary>
/// After the run, with the app up: each cycle's stage and decisions through the API; each submitted response through
/// <c>GET /api/responses/{token}</c> AND as a row in the responses table; decisions also as audit rows; the audit chain
/// through <c>/audit/verify</c> AND the audit table; consultation requests and duplicates from the outbox files.
/// </summary>
internal sealed class ChaosVerifier(Steps steps, AppProcess app, CyclePlan plan, string storage)
{
    public async Task<ChaosVerdict> VerifyAsync(CancellationToken ct)
    {
        var tables = new TableServiceClient(storage);
        var audit = new AuditLog(tables.GetTableClient(app.AuditTable), TimeProvider.System);
        var responses = new ResponseStore(tables.GetTableClient(app.ResponsesTable), TimeProvider.System);
        int stageMismatches = 0, lost = 0, duplicateDecisions = 0;
        var chainOk = true;

        foreach (var cycle in plan.Cycles)
        {
            var view = await steps.GetCycleAsync(cycle.Id, ct);
            var stage = view.Body is { } body ? Steps.Stage(body) : null;
            var decisions = view.Body is { } b ? Steps.Decisions(b) : 0;
            if (!string.Equals(stage, "adopted", StringComparison.OrdinalIgnoreCase))
            {
                stageMismatches++;
                steps.Fail($"{cycle.Id}: stage {stage ?? (int)view.Status + " " + ApiClient.Truncate(view.Text)}, expected adopted");
            }

            var entries = await audit.ReadAllAsync(cycle.Id, ct);
            var recorded = entries.Count(e => e.Action == AuditActions.DecisionRecorded);
            var extra = Math.Max(Math.Max(0, decisions - cycle.ExpectedDecisions), Math.Max(0, recorded - cycle.ExpectedDecisions));
            if (extra > 0 || decisions < cycle.ExpectedDecisions)
            {
                steps.Fail($"{cycle.Id}: {decisions} decisions in the API, {recorded} DecisionRecorded audit rows; expected {cycle.ExpectedDecisions}");
            }

            duplicateDecisions += extra;

            var verify = await steps.Api.CallAsync(HttpMethod.Get, $"api/cycles/{cycle.Id}/audit/verify", user: CyclePlan.Lead, cancellationToken: ct);
            var stored = await audit.VerifyAsync(cycle.Id, ct);
            if (JsonRead.Flag(verify.Body, "valid") != true || !stored.Valid)
            {
                chainOk = false;
                steps.Fail($"{cycle.Id}: audit chain not valid (API {(int)verify.Status} {ApiClient.Truncate(verify.Text)}; table: {stored.Reason})");
            }

            lost += await LostResponsesAsync(cycle, responses, ct);
        }

        var (missing, duplicates) = CountEmails();
        return new ChaosVerdict(stageMismatches, lost, duplicateDecisions, missing, duplicates, chainOk);
    }

    /// <summary>A submission the app acknowledged but that the API does not show as submitted, or that has no
    /// submitted row in the table (counted per cycle; the larger count wins).</summary>
    private async Task<int> LostResponsesAsync(PlannedCycle cycle, ResponseStore responses, CancellationToken ct)
    {
        var submitted = cycle.Consultees.Where(c => c.Action == ConsulteeAction.Submitted).ToList();
        var lostViaApi = 0;
        foreach (var consultee in submitted)
        {
            var read = await steps.Api.CallAsync(HttpMethod.Get, $"api/responses/{Uri.EscapeDataString(consultee.Token!)}", cancellationToken: ct);
            var status = JsonRead.Text(read.Body, "status");
            if (!read.Ok || !(string.Equals(status, "submitted", StringComparison.OrdinalIgnoreCase) || JsonRead.Text(read.Body, "submittedAt") is not null))
            {
                lostViaApi++;
                steps.Fail($"{consultee.Email}: submitted, but GET /api/responses says {(int)read.Status} status {status}");
            }
        }

        var rows = await responses.ListAsync(cycle.Id, ct);
        var storedSubmitted = rows.Count(r => r.Submitted);
        if (storedSubmitted != submitted.Count)
        {
            steps.Fail($"{cycle.Id}: {submitted.Count} submissions acknowledged, {storedSubmitted} submitted rows in the responses table ({rows.Count} rows)");
        }

        return Math.Max(lostViaApi, Math.Max(0, submitted.Count - storedSubmitted));
    }

    /// <summary>Missing: a consultee without a consultation request. Duplicates: messages beyond the first with the
    /// same idempotency key, plus beyond the first with the same recipient, subject and cycle.</summary>
    private (int Missing, int Duplicates) CountEmails()
    {
        var messages = Outbox.ReadFolder(app.OutboxFolder);
        var requests = messages.Where(m => m.IdempotencyKey.StartsWith("consultation-request/", StringComparison.Ordinal)).ToList();
        var missing = plan.Cycles.SelectMany(c => c.Consultees)
            .Count(c => !requests.Any(m => string.Equals(m.To, c.Email, StringComparison.OrdinalIgnoreCase)));
        var sameKey = messages.GroupBy(m => m.IdempotencyKey, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        var sameContent = messages.GroupBy(m => (To: m.To.ToLowerInvariant(), m.Subject, m.CycleId)).Where(g => g.Count() > 1).ToList();
        var duplicates = Math.Max(sameKey.Sum(g => g.Count() - 1), sameContent.Sum(g => g.Count() - 1));
        Console.WriteLine($"emails={messages.Count} consultation_requests={requests.Count} same_key_duplicates={sameKey.Sum(g => g.Count() - 1)} same_to_subject_cycle_duplicates={sameContent.Sum(g => g.Count() - 1)}");
        foreach (var group in sameContent.Take(10))
        {
            Console.WriteLine($"duplicate: {group.Count()}× to {group.Key.To} \"{group.Key.Subject}\" cycle {group.Key.CycleId} keys {string.Join(", ", group.Select(m => m.IdempotencyKey).Distinct())}");
        }

        return (missing, duplicates);
    }
}
