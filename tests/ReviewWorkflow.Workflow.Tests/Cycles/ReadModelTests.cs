using Azure.Data.Tables;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.DurableTask.Client;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Cycles.ReadModel;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>
/// Issue 12, "a read model instead of orchestration status": one <c>ReviewCycles</c> row per cycle, written by an
/// activity at each change, serves the dashboard, the clerk's list, the cycle page and the response rules; a stale or
/// repeated write never wins; cycles of version 1 (started before the read model) keep being shown from their
/// orchestrations.
/// </summary>
public sealed class ReadModelTests
{
    private static async Task<ReviewCycleTable> NewTableAsync()
    {
        var table = new ReviewCycleTable(new TableClient(await Azurite.GetConnectionStringAsync(), Azurite.UniqueTableName("cycles")));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static CycleStatus Status(CycleStage stage, string? body = null) =>
        new() { CycleId = "c1", Title = "Pledge", Stage = stage, CurrentBody = body };

    [Fact]
    public async Task A_projection_older_than_the_row_or_repeated_changes_nothing()
    {
        var table = await NewTableAsync();
        Assert.True(await table.ProjectAsync("c1", 3, Status(CycleStage.Ratification, "Cabinet")));
        Assert.False(await table.ProjectAsync("c1", 2, Status(CycleStage.Drafting))); // a retried activity, late
        Assert.False(await table.ProjectAsync("c1", 3, Status(CycleStage.Drafting))); // the same revision again

        var row = await table.GetAsync("c1");
        Assert.Equal(3, row!.Revision);
        Assert.Equal(CycleStage.Ratification, row.Status.Stage);
        Assert.Equal("Cabinet", row.Status.CurrentBody);
    }

    [Fact]
    public async Task A_row_another_instance_changed_is_read_whole_again_and_a_deleted_one_is_gone()
    {
        var name = Azurite.UniqueTableName("cycles");
        var client = new TableClient(await Azurite.GetConnectionStringAsync(), name);
        var web = new ReviewCycleTable(client);
        var worker = new ReviewCycleTable(new TableClient(await Azurite.GetConnectionStringAsync(), name));
        await web.CreateIfNotExistsAsync();
        await worker.ProjectAsync("c1", 1, Status(CycleStage.Consultation));
        Assert.Equal(CycleStage.Consultation, (await web.GetAsync("c1"))!.Status.Stage); // now held with its ETag
        Assert.Equal(CycleStage.Consultation, (await web.GetAsync("c1"))!.Status.Stage);

        await worker.ProjectAsync("c1", 2, Status(CycleStage.Drafting));
        var changed = await web.GetAsync("c1");
        await client.DeleteEntityAsync(ReviewCycleTable.Partition, "c1");

        Assert.Equal((2, CycleStage.Drafting), (changed!.Revision, changed.Status.Stage));
        Assert.Null(await web.GetAsync("c1"));
    }

    [Fact]
    public async Task Concurrent_projections_keep_the_highest_revision()
    {
        var table = await NewTableAsync();
        await Task.WhenAll(Enumerable.Range(1, 12).Select(r => table.ProjectAsync("c1", r, Status(CycleStage.Consultation) with { DraftRound = r })));
        var row = await table.GetAsync("c1");
        Assert.Equal(12, row!.Revision);
        Assert.Equal(12, row.Status.DraftRound);
    }

    [Fact]
    public async Task A_start_row_is_inserted_once_and_a_long_definition_is_kept_whole()
    {
        var table = await NewTableAsync();
        var pledges = Enumerable.Range(1, 40).Select(i => new string((char)('a' + (i % 26)), 1900)).ToList(); // ~76,000 characters
        var definition = RutlandLikeCycle.Definition with { Id = "long", Strategy = RutlandLikeCycle.Definition.Strategy with { Pledges = pledges } };
        var record = ReviewCycleRecord.Starting(new ReviewCycleInput { Definition = definition, Settings = CouncilSettings.Default, StartedBy = "lead@council.example", StartedAt = new DateTime(2027, 1, 4, 9, 0, 0, DateTimeKind.Utc) });

        Assert.True(await table.AddAsync(record));
        Assert.False(await table.AddAsync(record with { StartedBy = "someone-else@council.example" }));

        var read = await table.GetAsync("long");
        Assert.Equal(pledges, read!.Definition.Strategy.Pledges);
        Assert.Equal("lead@council.example", read.StartedBy);
        Assert.All(read.Definition.Consultation.Groups, g => Assert.Empty(g.Members)); // no consultee's name or address in the row
        Assert.Equal(0, read.Revision);
    }

    [Fact]
    public async Task Each_change_of_a_cycle_is_written_to_its_row_and_the_list_reads_the_rows()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        var table = h.Host.Services.GetRequiredService<ReviewCycleTable>();
        await h.Host.RunUntilIdleAsync();
        var started = await table.GetAsync(id);
        Assert.Equal(CycleStage.Consultation, started!.Status.Stage);
        Assert.Equal(OrchestrationNames.CurrentVersion, started.Version);
        Assert.Equal(RutlandLikeCycle.Definition.Lead, started.Definition.Lead);

        await h.AdvanceToAsync(2027, 2, 13); // the consultation closed
        var drafting = await table.GetAsync(id);
        Assert.Equal(CycleStage.Drafting, drafting!.Status.Stage);
        Assert.True(drafting.Revision > started.Revision);
        Assert.Equal($"{id}:drafting-1", drafting.Status.ActiveInstanceId);
        Assert.Equal(12, drafting.Status.Counts.RequestsSent);

        // What the dashboard, the clerk's list and the API list: the rows, with the response counts.
        var listed = Assert.Single(await h.Service.ListCyclesAsync());
        Assert.Equal(id, listed.CycleId);
        Assert.Equal(CycleStage.Drafting, listed.Stage);
        Assert.Equal("running", listed.RuntimeStatus);
        Assert.Equal($"{id}:drafting-1", listed.CommandTarget);

        // Every projection the orchestrations scheduled is in their histories: one per change, not one per wake-up.
        var history = h.Host.Services.GetRequiredService<IOrchestrationHistoryReader>();
        var projections = 0;
        await foreach (var instance in h.Host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = id }))
        {
            projections += (await history.GetHistoryAsync(instance.InstanceId)).OfType<TaskScheduledEvent>().Count(e => e.Name == nameof(ProjectCycleActivity));
        }

        Assert.Equal(drafting.Revision, projections);
    }

    [Fact]
    public async Task A_version_1_cycle_gets_its_row_from_the_backfill_never_writes_it_and_is_shown_from_its_orchestrations()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var definition = RutlandLikeCycle.Definition with { Id = "legacy-2027" };
        var input = new ReviewCycleInput { Definition = definition, Settings = CouncilSettings.Default, StartedBy = "lead@council.example", StartKey = "legacy", StartedAt = CycleSteps.Start.UtcDateTime };
        var table = h.Host.Services.GetRequiredService<ReviewCycleTable>();
        await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.ReviewCycle, input, new StartOrchestrationOptions(definition.Id) { Version = "1" });
        Assert.Empty(await h.Service.ListCyclesAsync()); // started before the read model: no row yet

        var backfill = h.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ReadModelBackfill>().Single();
        Assert.Equal(1, await backfill.BackfillAsync(CancellationToken.None));
        Assert.Equal(0, await backfill.BackfillAsync(CancellationToken.None)); // once
        Assert.Equal("legacy-2027", Assert.Single(await h.Service.ListCyclesAsync()).CycleId);

        await h.AdvanceToAsync(2027, 2, 13);

        var row = await table.GetAsync(definition.Id);
        Assert.Equal(0, row!.Revision); // version 1 has no projection step
        var view = await h.ViewAsync(definition.Id);
        Assert.Equal(CycleStage.Drafting, view.Stage); // read from the orchestrations
        Assert.Equal($"{definition.Id}:drafting-1", view.CommandTarget);
        var child = await h.Host.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync($"{definition.Id}:drafting-1");
        Assert.Equal("1", child.OfType<ExecutionStartedEvent>().Single().Version); // a version 1 parent starts version 1 children

        await h.AdvanceToAsync(2027, 3, 8);
        await h.Service.SubmitDraftAsync(definition.Id, CycleSteps.Draft("1.0"), People.Lead, "req-draft", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        Assert.True((await h.ViewAsync(definition.Id)).AwaitingSignOff);
    }
}
