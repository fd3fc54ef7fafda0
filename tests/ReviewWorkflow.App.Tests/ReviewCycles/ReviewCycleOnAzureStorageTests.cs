using ReviewWorkflow.App.Tests.Infrastructure;
using ReviewWorkflow.Durable.AzureStorage;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.App.Tests.ReviewCycles;

/// <summary>A whole (small) review cycle driven through the running app's <see cref="ReviewCycleService"/>, its
/// orchestrations on the Azure Storage durable store (Azurite tables and queues) run by the standalone dispatcher.</summary>
public class ReviewCycleOnAzureStorageTests
{
    [Fact]
    public async Task A_cycle_runs_from_consultation_to_adoption_on_Azure_Storage_with_one_request_per_consultee_and_a_valid_audit_chain()
    {
        await using var rc = await ReviewCycleApp.StartAsync(SmallCycle.Start);
        var store = Assert.IsType<AzureStorageDurableStore>(rc.App.Services.GetRequiredService<IDurableStore>());
        Assert.Equal(rc.Hub, store.TaskHubName);
        var id = "offer-" + Guid.NewGuid().ToString("N")[..8];

        var started = await rc.Cycles.StartCycleAsync(SmallCycle.Definition(id), SmallCycle.Lead, "req-start", "start-" + id).OkAsync();
        Assert.Equal(id, started.CycleId);

        await rc.WaitForAsync(id, v => v.Stage == CycleStage.Consultation && v.Counts.RequestsSent == 3, "the consultation requests");
        await rc.Cycles.CloseConsultationAsync(id, SmallCycle.Lead, "req-close", "close-" + id).OkAsync();

        await rc.WaitForAsync(id, v => v.Stage == CycleStage.Drafting, "drafting");
        await rc.Cycles.SubmitDraftAsync(id, SmallCycle.Draft, SmallCycle.Lead, "req-draft", "draft-" + id).OkAsync();

        await rc.WaitForAsync(id, v => v.Stage == CycleStage.Ratification && v.CurrentBody == SmallCycle.Panel, "the report with the Panel");
        rc.Clock.JumpTo(SmallCycle.Midday(SmallCycle.PanelMeets));
        await rc.Cycles.RecordDecisionAsync(id, SmallCycle.Decision(SmallCycle.Panel, SmallCycle.PanelMeets, DecisionOutcome.Endorse), SmallCycle.Clerk, "req-panel", "panel-" + id).OkAsync();

        await rc.WaitForAsync(id, v => v.Stage == CycleStage.Ratification && v.CurrentBody == SmallCycle.Cabinet, "the report with Cabinet");
        rc.Clock.JumpTo(SmallCycle.Midday(SmallCycle.CabinetMeets));
        await rc.Cycles.RecordDecisionAsync(id, SmallCycle.Decision(SmallCycle.Cabinet, SmallCycle.CabinetMeets, DecisionOutcome.Adopt), SmallCycle.Clerk, "req-cabinet", "cabinet-" + id).OkAsync();

        var adopted = await rc.WaitForAsync(id, v => v.Stage == CycleStage.Adopted, "adoption");
        Assert.Equal(SmallCycle.CabinetMeets, adopted.AdoptedOn);
        Assert.Equal([DecisionOutcome.Endorse, DecisionOutcome.Adopt], adopted.Decisions.Select(d => d.Outcome));
        Assert.True(adopted.ConsultationClosedEarly);
        Assert.Equal("1.0", adopted.DraftVersion);

        // Exactly one consultation request per consultee in the local outbox, addressed to them and carrying their ids.
        var outbox = await rc.Outbox.ListAsync();
        var requests = outbox.Where(m => m.IdempotencyKey.StartsWith($"consultation-request/{id}/", StringComparison.Ordinal)).ToList();
        Assert.Equal(SmallCycle.Consultees.Count, requests.Count);
        foreach (var consultee in SmallCycle.Consultees)
        {
            var request = Assert.Single(requests, m => m.To == consultee.Email);
            Assert.Equal(id, request.CustomArgs["cycleId"]);
            Assert.Equal(consultee.Id, request.CustomArgs["consulteeId"]);
        }

        // The orchestrations' state is in the task hub's Azure tables on Azurite.
        var tables = new TableServiceClient(ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync()));
        var instanceRows = 0;
        await foreach (var _ in tables.GetTableClient(rc.Hub + "Instances").QueryAsync(TableFilter.Create($"PartitionKey eq {id}"), select: ["PartitionKey"]))
        {
            instanceRows++;
        }

        Assert.True(instanceRows > 0, $"No rows for {id} in {rc.Hub}Instances");

        // The audit trail records the whole story and its hash chain verifies.
        var audit = await rc.Audit.ReadAllAsync(id);
        Assert.Contains(audit, e => e.Action == AuditActions.CycleStarted);
        Assert.Contains(audit, e => e.Action == AuditActions.Adopted);
        var verification = await rc.Audit.VerifyAsync(id);
        Assert.True(verification.Valid, verification.Reason);
        Assert.Equal(audit.Count, verification.Rows);
    }
}
