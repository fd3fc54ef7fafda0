using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Audit;

/// <summary>A trail with staff rows, a partner's shared-link rows under scheme v2 (a typed name as personal data) and,
/// optionally, an older v1 consultee row written the way rows were before personal data could be redacted.</summary>
internal sealed record AuditRedactionTrail(TableClient Table, TableClient SaltTable, AuditLog Log)
{
    public const string Cycle = "cycle-gdpr";
    public const string Partner = "c-partner0000000000001";
    public const string TypedName = "Robin Fictional-Smith";

    public static async Task<AuditRedactionTrail> CreateAsync(bool withV1Row = false)
    {
        var table = await TestTables.CreateAsync("audit");
        var saltTable = await TestTables.CreateAsync("salts");
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        var legacy = new AuditLog(table, clock);
        var log = new AuditLog(table, clock, new AuditSalts(saltTable));
        await log.AppendAsync(Cycle, new AuditEvent { Actor = "lead@council.example", Role = AuditRole.Lead, Action = AuditActions.CycleStarted });
        if (withV1Row)
        {
            await legacy.AppendAsync(Cycle, new AuditEvent
            {
                Actor = TypedName, Role = AuditRole.Consultee, Action = AuditActions.ResponseSaved, Subject = Partner,
                Details = new JsonObject { ["version"] = 1, ["shared"] = true, ["savedBy"] = TypedName },
            });
        }

        foreach (var action in new[] { AuditActions.ResponseSaved, AuditActions.ResponseSubmitted })
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            await log.AppendAsync(Cycle, new AuditEvent
            {
                Actor = TypedName, Role = AuditRole.Consultee, Action = action, Subject = Partner,
                Details = new JsonObject { ["version"] = 2, ["shared"] = true },
                PersonalSubject = Partner, PersonalDetails = new JsonObject { ["savedBy"] = TypedName },
            });
        }

        clock.Advance(TimeSpan.FromDays(1));
        await log.AppendAsync(Cycle, new AuditEvent { Actor = "lead@council.example", Role = AuditRole.Lead, Action = AuditActions.ConsultationClosed });
        return new AuditRedactionTrail(table, saltTable, log);
    }

    public static string Key(long sequence) => "e-" + sequence.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every string stored in the trail's and salts' tables, for scanning.</summary>
    public async Task<string> EverythingStoredAsync()
    {
        var text = new System.Text.StringBuilder();
        foreach (var t in new[] { Table, SaltTable })
        {
            await foreach (var row in t.QueryAsync<TableEntity>())
            {
                foreach (var (_, value) in row)
                {
                    text.Append(value).Append('\n');
                }
            }
        }

        return text.ToString();
    }
}
