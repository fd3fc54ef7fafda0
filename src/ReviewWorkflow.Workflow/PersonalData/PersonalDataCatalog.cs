namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>One table (or store) the app writes, and which of its fields are consultees' personal data.</summary>
/// <param name="Store">The configuration key naming it (or the store's description).</param>
/// <param name="PersonalFields">Fields holding a consultee's name, address or words; empty when it holds none.</param>
/// <param name="AtErasure">What erasure and retention do to them.</param>
public sealed record PersonalDataTable(string Store, IReadOnlyList<string> PersonalFields, string AtErasure);

/// <summary>
/// The one place that declares what is consultees' personal data (UK GDPR), table by table, and what erasure and
/// retention do with it. Decisions, committee records, counts, views per pledge, themes and the strategy itself are
/// not personal data and are kept. <see cref="PersonalDataEraser"/> implements each line; the admin page lists them.
/// </summary>
public static class PersonalDataCatalog
{
    public static IReadOnlyList<PersonalDataTable> Tables { get; } =
    [
        new("Workflow__ResponsesTable (ReviewResponses)", ["Comments", "A01..A50 comment", "Contributors names", "SubmittedBy", "draft rows"],
            "free text removed, names become the consultee's label (\"Consultee 3\"), drafts deleted; views per pledge, status and dates kept"),
        new("Workflow__LinksTable (ReviewConsulteeLinks)", ["the link (only its SHA-256 is stored)"], "revoked and never issued again"),
        new("Workflow__AuditTable (ReviewAudit)", ["Actor and PersonalDetails of a consultee's rows (hash scheme v2)", "Actor and details.savedBy of older consultee rows (v1)"],
            "redacted to the label; the chain still verifies (see Audit/README.md)"),
        new("Workflow__AuditSaltsTable (ReviewAuditSalts)", ["the salt committing a consultee's personal fields"], "destroyed (a tombstone keeps the label)"),
        new("Workflow__EmailLedgerTable (ReviewEmailLedger)", [], "holds idempotency keys built from consultee ids, no names or addresses: kept"),
        new("Workflow__WebhookEventsTable (ReviewWebhookEvents)", [], "holds hashes of SendGrid event ids only: kept"),
        new("Workflow__ThemesTable (ReviewThemes)", [], "themes, tags and quotes refer to consultee ids; the quoted words are read from the response, so they go with it"),
        new("Workflow__PersonalDataTable (ReviewPersonalData)", ["erasure reasons as typed by the administrator"], "records who (consultee id and label) was erased, when and why: kept"),
        new("Durable task hub: {hub}Instances, {hub}History, {hub}-largemessages", ["consultees' names and addresses in orchestration inputs, activity inputs and results"],
            "names replaced by the label, addresses by \"{consultee id}@erased.invalid\", in rows and gzip blobs"),
        new("Email__OutboxPath (local outbox, Development)", ["address, name and body of each email"], "the consultee's emails deleted"),
    ];

    /// <summary>The address an erased consultee's email becomes in stored orchestration data (".invalid" never delivers).</summary>
    public static string ErasedAddress(string consulteeId) => consulteeId + "@erased.invalid";
}
