using System.Security.Cryptography;

namespace ReviewWorkflow.Testing;

/// <summary>
/// Configuration that gives one test app (or workflow harness) storage of its own on the shared Azurite: its own task
/// hub, workflow tables and local outbox folder, a fresh link-signing key, mail to the local outbox, and the embedded
/// Durable Task worker.
/// </summary>
public static class IsolatedAppSettings
{
    /// <summary>The workflow's tables (audit, responses, email ledger, webhook events, links) under unique names, and a fresh signing key.</summary>
    public static Dictionary<string, string?> Workflow() => new()
    {
        ["Workflow:LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Workflow:AuditTable"] = Azurite.UniqueTableName("audit"),
        ["Workflow:ResponsesTable"] = Azurite.UniqueTableName("resp"),
        ["Workflow:EmailLedgerTable"] = Azurite.UniqueTableName("ledger"),
        ["Workflow:WebhookEventsTable"] = Azurite.UniqueTableName("hooks"),
        ["Workflow:LinksTable"] = Azurite.UniqueTableName("links"),
        ["Workflow:AuditSaltsTable"] = Azurite.UniqueTableName("salts"),
        ["Workflow:PersonalDataTable"] = Azurite.UniqueTableName("personal"),
        ["Workflow:ReviewCyclesTable"] = Azurite.UniqueTableName("cycles"),
        ["Workflow:ForwardPlanTable"] = Azurite.UniqueTableName("fplan"),
        ["Workflow:MeetingEventsTable"] = Azurite.UniqueTableName("mevents"),
    };

    /// <summary><see cref="Workflow"/> plus the storage connection, a task hub named <paramref name="hubPrefix"/> and 12
    /// hex digits (one partition, polled and swept every second), and the local outbox in
    /// <paramref name="outboxFolder"/>.</summary>
    public static async Task<Dictionary<string, string?>> AppAsync(string hubPrefix, string outboxFolder)
    {
        var settings = Workflow();
        settings["AzureWebJobsStorage"] = await Azurite.GetConnectionStringAsync().ConfigureAwait(false);
        settings["Durable:HubName"] = hubPrefix + Guid.NewGuid().ToString("N")[..12];
        // One partition, quick polls and a sweep every second: a test app reacts within a second or two.
        settings["Durable:PartitionCount"] = "1";
        settings["Durable:MaxQueuePollingInterval"] = "00:00:01";
        settings["Durable:WakeUpSweepInterval"] = "00:00:01";
        settings["Email:SendGridApiKey"] = "";
        settings["Email:OutboxPath"] = outboxFolder;
        settings["Workflow:ThemesTable"] = Azurite.UniqueTableName("themes");
        settings["Durable:WakeUpsTable"] = Azurite.UniqueTableName("wakeups");
        return settings;
    }
}
