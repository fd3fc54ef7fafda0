using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Email;
using ReviewWorkflow.Workflow.Hosting;
using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Storage;

/// <summary>
/// Every table the app writes is an ordinary Azure table: rows written through each of our stores are read back with a
/// plain <see cref="TableClient"/> built from the connection string (as Storage Explorer or a council's own report
/// would), with their typed properties intact.
/// </summary>
public class SdkReadabilityTests
{
    private static readonly DateTimeOffset At = new(2027, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(At);

    /// <summary>A table our store writes to, and Microsoft's client on the same table, knowing nothing of our code.</summary>
    private static async Task<(TableClient Ours, TableClient Plain)> TableAsync()
    {
        var ours = await TestTables.CreateAsync("sdk");
        return (ours, new TableClient(await Azurite.GetConnectionStringAsync(), ours.Name));
    }

    [Fact]
    public async Task Audit_rows_are_readable_by_the_plain_sdk()
    {
        var (ours, plain) = await TableAsync();
        var entry = await new AuditLog(ours, _clock).AppendAsync("cycle-1", new AuditEvent { Actor = "lead@council.example", Role = AuditRole.Lead, Action = AuditActions.CycleStarted, IdempotencyKey = "start" });

        var row = (await plain.GetEntityAsync<TableEntity>("cycle-1", "e-0000000001")).Value;
        var keyRows = await plain.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"cycle-1"} and Kind eq {"idempotency-key"}")).ToListAsync();

        Assert.Equal(1L, Assert.IsType<long>(row["Sequence"]));
        Assert.Equal(entry.Time, Assert.IsType<DateTimeOffset>(row["Time"]));
        Assert.Equal(("lead@council.example", "lead", AuditActions.CycleStarted, entry.Hash), (row.GetString("Actor"), row.GetString("Role"), row.GetString("Action"), row.GetString("Hash")));
        Assert.Equal(1L, Assert.IsType<long>(Assert.Single(keyRows)["Sequence"]));
    }

    [Fact]
    public async Task Response_and_draft_rows_are_readable_by_the_plain_sdk()
    {
        var (ours, plain) = await TableAsync();
        var store = new ResponseStore(ours, _clock);
        var rules = new ResponseRules { PledgeCount = 2, Closes = new DateOnly(2027, 3, 1) }; // closed: marked late
        var content = new ResponseContent { Comments = "More youth workers", Answers = [new PledgeAnswer { Pledge = 1, View = PledgeView.Agree, Comment = "Yes" }] };
        var sent = (await store.SubmitAsync("cycle-1", "consultee-1", "Riley", null, rules, content, "key-1")).Response!;
        await store.SaveAsync("cycle-1", "consultee-2", content with { Comments = "later" }, "Sam", null, rules with { LateResponses = LateResponseRule.Refuse }); // refused, kept as a draft

        var row = (await plain.GetEntityAsync<TableEntity>("cycle-1", "consultee-1")).Value;
        var draft = Assert.Single(await plain.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"cycle-1"} and Kind eq {"draft"}")).ToListAsync());

        Assert.Equal(("Submitted", "More youth workers", "key-1", sent.ETag), (row.GetString("Status"), row.GetString("Comments"), row.GetString("SubmissionKey"), row.ETag.ToString()));
        Assert.True(Assert.IsType<bool>(row["Late"]));
        Assert.Equal(1, Assert.IsType<int>(row["Version"]));
        Assert.Equal(1, Assert.IsType<int>(row["Answers"]));
        Assert.Contains("\"Yes\"", row.GetString("A01"), StringComparison.Ordinal);
        Assert.Equal(At, Assert.IsType<DateTimeOffset>(row["SubmittedAt"]));
        Assert.Equal(At, Assert.IsType<DateTimeOffset>(row["StartedAt"]));
        Assert.Equal(("later", "late-refused"), (draft.GetString("Comments"), draft.GetString("Reason")));
        Assert.Equal(At, Assert.IsType<DateTimeOffset>(draft["SavedAt"]));
    }

    [Fact]
    public async Task Consultee_link_rows_are_readable_by_the_plain_sdk()
    {
        var (ours, plain) = await TableAsync();
        var links = new HmacConsulteeLinkIssuer(ours, _clock, Options.Create(new WorkflowOptions()));
        var link = await links.IssueAsync("cycle-1", "consultee-1", At.AddDays(60));
        await links.RevokeAsync("cycle-1", "consultee-1");

        var row = (await plain.GetEntityAsync<TableEntity>("cycle-1", "consultee-1")).Value;

        Assert.Equal(At.AddDays(60), Assert.IsType<DateTimeOffset>(row["ExpiresAt"]));
        Assert.Equal(1, Assert.IsType<int>(row["Generation"]));
        Assert.True(Assert.IsType<bool>(row["Revoked"]));
        Assert.Equal(64, row.GetString("TokenHash")!.Length);
        Assert.Equal(link.ExpiresAt, row.GetDateTimeOffset("ExpiresAt"));
    }

    [Fact]
    public async Task Email_ledger_and_webhook_event_rows_are_readable_by_the_plain_sdk()
    {
        var (ledgerTable, plainLedger) = await TableAsync();
        var (eventsTable, plainEvents) = await TableAsync();
        await new TableEmailSendLedger(ledgerTable).RecordAsync("consultation-request:cycle-1:consultee-1:1", new EmailSendResult("msg-1", "sendgrid", At));
        Assert.True(await new TableWebhookEventDeduplicator(eventsTable, _clock).TryClaimAsync("sg-event-1"));

        var ledger = Assert.Single(await plainLedger.QueryAsync<TableEntity>().ToListAsync());
        var claim = Assert.Single(await plainEvents.QueryAsync<TableEntity>().ToListAsync());

        Assert.Equal(("consultation-request:cycle-1:consultee-1:1", "msg-1", "sendgrid"), (ledger.GetString("Key"), ledger.GetString("ProviderMessageId"), ledger.GetString("Provider")));
        Assert.Equal(At, Assert.IsType<DateTimeOffset>(ledger["AcceptedAt"]));
        Assert.Equal(ledger.RowKey[..2], ledger.PartitionKey);
        Assert.Equal(At, Assert.IsType<DateTimeOffset>(claim["ClaimedAt"]));
    }
}
