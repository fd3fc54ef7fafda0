using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Workflow.Tests.Audit;

/// <summary>Issue 15, point 3: personal fields committed by a salted digest, so redaction keeps the chain verifiable
/// and reports redacted rows, while a change to any kept field still breaks it.</summary>
public class AuditRedactionTests
{
    [Fact]
    public async Task A_consultees_rows_are_written_under_scheme_v2_with_the_name_outside_the_hashed_content()
    {
        var trail = await AuditRedactionTrail.CreateAsync();

        var rows = await trail.Log.ReadAllAsync(AuditRedactionTrail.Cycle);

        Assert.Equal([1, 2, 2, 1], rows.Select(r => r.Scheme));
        Assert.Equal(AuditRedactionTrail.TypedName, rows[1].Actor);
        Assert.DoesNotContain("savedBy", rows[1].Details, StringComparison.Ordinal);
        Assert.Contains(AuditRedactionTrail.TypedName, rows[1].PersonalDetails, StringComparison.Ordinal);
        Assert.Equal(64, rows[1].PersonalDigest!.Length);
        Assert.Equal(AuditVerification.Ok(4), await trail.Log.VerifyAsync(AuditRedactionTrail.Cycle));
    }

    [Fact]
    public async Task After_redaction_the_chain_verifies_counts_the_redacted_rows_and_holds_no_name_or_salt()
    {
        var trail = await AuditRedactionTrail.CreateAsync(withV1Row: true);

        var changed = await trail.Log.RedactAsync(AuditRedactionTrail.Cycle, AuditRedactionTrail.Partner, "Consultee 3");

        Assert.Equal(3, changed);
        var verification = await trail.Log.VerifyAsync(AuditRedactionTrail.Cycle);
        Assert.True(verification.Valid, verification.Reason);
        Assert.Equal(5, verification.Rows);
        Assert.Equal(3, verification.Redacted);
        Assert.DoesNotContain(AuditRedactionTrail.TypedName, await trail.EverythingStoredAsync(), StringComparison.Ordinal);
        var rows = await trail.Log.ReadAllAsync(AuditRedactionTrail.Cycle);
        Assert.Equal(["lead@council.example", "Consultee 3", "Consultee 3", "Consultee 3", "lead@council.example"], rows.Select(r => r.Actor));
        Assert.Null((await trail.SaltTable.GetEntityAsync<TableEntity>(AuditRedactionTrail.Cycle, AuditRedactionTrail.Partner)).Value.GetBinary("Salt"));
    }

    [Fact]
    public async Task Redacting_twice_changes_nothing_more()
    {
        var trail = await AuditRedactionTrail.CreateAsync();
        await trail.Log.RedactAsync(AuditRedactionTrail.Cycle, AuditRedactionTrail.Partner, "Consultee 3");

        Assert.Equal(0, await trail.Log.RedactAsync(AuditRedactionTrail.Cycle, AuditRedactionTrail.Partner, "Consultee 3"));
        Assert.True((await trail.Log.VerifyAsync(AuditRedactionTrail.Cycle)).Valid);
    }

    [Theory]
    [InlineData("Action", "ResponseWithdrawn")]
    [InlineData("Details", "{\"version\":9,\"shared\":true}")]
    [InlineData("Subject", "c-someoneelse0000000001")]
    [InlineData("Role", "lead")]
    public async Task Altering_a_kept_field_of_a_redacted_row_still_fails_verification(string field, string value)
    {
        var trail = await AuditRedactionTrail.CreateAsync();
        await trail.Log.RedactAsync(AuditRedactionTrail.Cycle, AuditRedactionTrail.Partner, "Consultee 3");
        var row = (await trail.Table.GetEntityAsync<TableEntity>(AuditRedactionTrail.Cycle, AuditRedactionTrail.Key(2))).Value;
        row[field] = value;
        await trail.Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);

        var verification = await trail.Log.VerifyAsync(AuditRedactionTrail.Cycle);

        Assert.False(verification.Valid);
        Assert.Equal(2, verification.FirstBrokenSequence);
    }

    [Fact]
    public async Task Changing_the_name_on_an_unredacted_v2_row_fails_at_its_digest()
    {
        var trail = await AuditRedactionTrail.CreateAsync();
        var row = (await trail.Table.GetEntityAsync<TableEntity>(AuditRedactionTrail.Cycle, AuditRedactionTrail.Key(3))).Value;
        row["Actor"] = "Someone Else";
        await trail.Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);

        var verification = await trail.Log.VerifyAsync(AuditRedactionTrail.Cycle);

        Assert.False(verification.Valid);
        Assert.Equal(3, verification.FirstBrokenSequence);
        Assert.Contains("personal fields do not match their digest", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_a_row_redacted_by_hand_without_an_erasure_fails_verification()
    {
        var trail = await AuditRedactionTrail.CreateAsync();
        var row = (await trail.Table.GetEntityAsync<TableEntity>(AuditRedactionTrail.Cycle, AuditRedactionTrail.Key(2))).Value;
        row["Actor"] = "Someone Else";
        row["Redacted"] = true;
        await trail.Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);

        var verification = await trail.Log.VerifyAsync(AuditRedactionTrail.Cycle);

        Assert.False(verification.Valid);
        Assert.Contains("never erased", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_appended_after_the_erasure_is_written_already_redacted()
    {
        var trail = await AuditRedactionTrail.CreateAsync();
        await trail.Log.RedactAsync(AuditRedactionTrail.Cycle, AuditRedactionTrail.Partner, "Consultee 3");

        var late = await trail.Log.AppendAsync(AuditRedactionTrail.Cycle, new AuditEvent
        {
            Actor = AuditRedactionTrail.TypedName, Role = AuditRole.Consultee, Action = AuditActions.ResponseSaved, Subject = AuditRedactionTrail.Partner,
            PersonalSubject = AuditRedactionTrail.Partner, PersonalDetails = new System.Text.Json.Nodes.JsonObject { ["savedBy"] = AuditRedactionTrail.TypedName },
        });

        Assert.True(late.Redacted);
        Assert.Equal("Consultee 3", late.Actor);
        Assert.DoesNotContain(AuditRedactionTrail.TypedName, await trail.EverythingStoredAsync(), StringComparison.Ordinal);
        Assert.True((await trail.Log.VerifyAsync(AuditRedactionTrail.Cycle)).Valid);
    }

    [Fact]
    public async Task Rows_written_before_this_scheme_still_verify_unchanged()
    {
        var trail = await AuditRedactionTrail.CreateAsync(withV1Row: true);

        var verification = await trail.Log.VerifyAsync(AuditRedactionTrail.Cycle);

        Assert.True(verification.Valid, verification.Reason);
        Assert.Equal(0, verification.Redacted);
        Assert.Equal(1, (await trail.Log.ReadAllAsync(AuditRedactionTrail.Cycle))[1].Scheme);
    }
}
