using Microsoft.Extensions.Options;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Hosting;
using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Storage;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Storage;

/// <summary>
/// Cycle and consultee ids become table keys. Awkward but legal ones (quotes, percent signs, unicode, filter-like text)
/// round-trip through every store operation and every filter; the characters the Table service forbids are refused by
/// <see cref="TableKeys"/> with a clear message before any request is sent (the SDK does not check keys).
/// </summary>
public class TableKeyTests
{
    private static readonly ManualTimeProvider Clock = new(new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero));
    private static readonly ResponseRules Rules = new() { PledgeCount = 2, Closes = new DateOnly(2027, 2, 12) };

    public static TheoryData<string> AwkwardKeys() => new(
        "O'Brien's 'quoted' key",
        "''",
        "100% done %2F%27",
        "a+b=c&d with  spaces ",
        "x' or PartitionKey ne '",
        "Ünïcödé – Cymraeg: Ŵŷ ŵ",
        "emoji 😀🎉👩‍👧 日本語");

    public static TheoryData<string, string> ForbiddenKeys() => new()
    {
        { "a/b", "'/'" },
        { "a\\b", "'\\'" },
        { "a#b", "'#'" },
        { "a?b", "'?'" },
        { "tab\there", "U+0009" },
        { "bell\u0007", "U+0007" },
        { "del\u007F", "U+007F" },
        { new string('k', TableKeys.MaxLength + 1), "at most 512" },
    };

    private static ResponseContent Content(string comments) => new() { Comments = comments, Answers = [] };

    [Theory]
    [MemberData(nameof(AwkwardKeys))]
    public async Task Awkward_cycle_and_consultee_ids_round_trip_through_the_response_store(string key)
    {
        var store = new ResponseStore(await TestTables.CreateAsync("keys"), Clock);
        var other = new ResponseStore(await TestTables.CreateAsync("keys"), Clock);

        var v1 = (await store.SaveAsync(key, key, Content("v1"), "Riley", null, Rules)).Response!;
        var v2 = (await store.SaveAsync(key, key, Content("v2"), "Riley", v1.ETag, Rules)).Response!;
        var conflict = await store.SaveAsync(key, key, Content("stale"), "Sam", v1.ETag, Rules); // kept as a draft under the key
        await store.SaveAsync(key, key + "-neighbour", Content("n"), "Nia", null, Rules);
        await other.SaveAsync(key + "'", key, Content("x"), "Ola", null, Rules);

        var read = (await store.GetAsync(key, key))!;
        Assert.Equal((key, key, "v2", v2.ETag), (read.CycleId, read.ConsulteeId, read.Content.Comments, read.ETag));
        Assert.Equal(ResponseOutcomeKind.Conflict, conflict.Kind);
        Assert.Equal("stale", Assert.Single(await store.ListDraftsAsync(key, key)).Content.Comments);
        Assert.Equal([key, key + "-neighbour"], (await store.ListAsync(key)).Select(r => r.ConsulteeId).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await store.TallyAsync(key)).Count);
    }

    [Theory]
    [MemberData(nameof(AwkwardKeys))]
    public async Task Awkward_cycle_ids_round_trip_through_the_audit_trail(string key)
    {
        var log = new AuditLog(await TestTables.CreateAsync("keys"), Clock);

        await log.AppendAsync(key, new AuditEvent { Action = AuditActions.CycleStarted });
        await log.AppendAsync(key, new AuditEvent { Action = AuditActions.ReminderSent, IdempotencyKey = key });
        var repeat = await log.AppendAsync(key, new AuditEvent { Action = AuditActions.ReminderSent, IdempotencyKey = key });

        Assert.Equal(2, repeat.Sequence);
        Assert.Equal([key, key], (await log.ReadAllAsync(key)).Select(e => e.CycleId));
        Assert.Equal(AuditVerification.Ok(2), await log.VerifyAsync(key));
    }

    [Theory]
    [MemberData(nameof(ForbiddenKeys))]
    public async Task A_forbidden_key_is_refused_with_a_clear_message_before_any_request(string key, string expected)
    {
        var (table, calls) = await TestTables.CreateCountedAsync("keys");
        var store = new ResponseStore(table, Clock);
        var links = new HmacConsulteeLinkIssuer(table, Clock, Options.Create(new WorkflowOptions()));

        var attempts = new Func<Task>[]
        {
            () => store.GetAsync("cycle-1", key),
            () => store.GetAsync(key, "consultee-1"),
            () => store.SaveAsync("cycle-1", key, Content("c"), "Riley", null, Rules),
            () => store.SubmitAsync(key, "consultee-1", "Riley", null, Rules, Content("c")),
            () => store.ListAsync(key),
            () => store.TallyAsync(key),
            () => store.ListDraftsAsync("cycle-1", key),
            () => links.IssueAsync("cycle-1", key, Clock.GetUtcNow().AddDays(30)),
            () => links.RevokeAsync(key, "consultee-1"),
        };
        foreach (var attempt in attempts)
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(attempt);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(calls.All);
    }
}
