using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Web.Tokens;

namespace ReviewWorkflow.Web.Tests.Tokens;

/// <summary>Consultee links on real Azurite.</summary>
public sealed class ConsulteeTokenTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static async Task<(TableConsulteeTokens Tokens, TableClient Table, ManualTime Time)> CreateAsync(string key = "")
    {
        var table = new TableServiceClient(await Azurite.GetConnectionAsync()).GetTableClient(Azurite.UniqueTableName("links"));
        var time = new ManualTime(Start);
        var options = Options.Create(new WebOptions { TokenSigningKey = string.IsNullOrEmpty(key) ? Key : key });
        var tokens = new TableConsulteeTokens(table, new TokenSigningKey(options, new HostingEnvironment { EnvironmentName = Environments.Production }), time, NullLogger<TableConsulteeTokens>.Instance);
        return (tokens, table, time);
    }

    [Fact]
    public async Task Issued_token_opens_its_own_consultee_and_cycle_only()
    {
        var (tokens, _, _) = await CreateAsync();
        var aisha = await tokens.IssueAsync("cycle-2027-pledge", "yp-aisha", Start.AddDays(28));
        var kai = await tokens.IssueAsync("cycle-2027-pledge", "yp-kai", Start.AddDays(28));

        var result = await tokens.ValidateAsync(aisha);

        Assert.True(result.IsValid);
        Assert.Equal(new ConsulteeLink("cycle-2027-pledge", "yp-aisha", Start.AddDays(28)), result.Link);
        Assert.Equal("yp-kai", (await tokens.ValidateAsync(kai)).Link!.ConsulteeId);
        Assert.NotEqual(aisha, kai);
        Assert.Matches("^[A-Za-z0-9_.-]{60,80}$", aisha);
    }

    [Fact]
    public async Task Only_the_hash_is_stored()
    {
        var (tokens, table, _) = await CreateAsync();
        var token = await tokens.IssueAsync("cycle-a", "fc-okafor", Start.AddDays(10));

        var everything = new List<string>();
        await foreach (var entity in table.QueryAsync())
        {
            everything.Add(entity.PartitionKey);
            everything.Add(entity.RowKey);
            everything.AddRange(entity.Values.Select(v => v?.ToString() ?? ""));
        }

        Assert.NotEmpty(everything);
        Assert.DoesNotContain(everything, v => v.Contains(token, StringComparison.Ordinal) || v.Contains(token.Split('.')[0], StringComparison.Ordinal));
        Assert.Contains(TokenFormat.Hash(token), everything);
    }

    [Fact]
    public async Task Token_expires_at_its_expiry_time()
    {
        var (tokens, _, time) = await CreateAsync();
        var token = await tokens.IssueAsync("cycle-a", "fc-okafor", Start.AddDays(10));

        time.Advance(TimeSpan.FromDays(10) - TimeSpan.FromSeconds(1));
        Assert.True((await tokens.ValidateAsync(token)).IsValid);
        time.Advance(TimeSpan.FromSeconds(1));
        var expired = await tokens.ValidateAsync(token);

        Assert.Equal(ConsulteeTokenError.Expired, expired.Error);
        Assert.Equal(Start.AddDays(10), expired.ExpiredAt);
    }

    [Fact]
    public async Task Revoked_token_stops_working_and_others_do_not()
    {
        var (tokens, _, _) = await CreateAsync();
        var first = await tokens.IssueAsync("cycle-a", "pa-health", Start.AddDays(10));
        var second = await tokens.IssueAsync("cycle-a", "pa-health", Start.AddDays(10));

        Assert.True(await tokens.RevokeAsync(first));

        Assert.Equal(ConsulteeTokenError.Revoked, (await tokens.ValidateAsync(first)).Error);
        Assert.True((await tokens.ValidateAsync(second)).IsValid);
    }

    [Fact]
    public async Task RevokeAll_revokes_every_link_of_that_consultee_in_that_cycle_only()
    {
        var (tokens, _, _) = await CreateAsync();
        var a1 = await tokens.IssueAsync("cycle/a#1", "pa-health", Start.AddDays(10));
        var a2 = await tokens.IssueAsync("cycle/a#1", "pa-health", Start.AddDays(10));
        var otherCycle = await tokens.IssueAsync("cycle-b", "pa-health", Start.AddDays(10));
        var otherConsultee = await tokens.IssueAsync("cycle/a#1", "pa-police", Start.AddDays(10));

        Assert.Equal(2, await tokens.RevokeAllAsync("cycle/a#1", "pa-health"));
        Assert.Equal(0, await tokens.RevokeAllAsync("cycle/a#1", "pa-health"));

        Assert.Equal(ConsulteeTokenError.Revoked, (await tokens.ValidateAsync(a1)).Error);
        Assert.Equal(ConsulteeTokenError.Revoked, (await tokens.ValidateAsync(a2)).Error);
        Assert.True((await tokens.ValidateAsync(otherCycle)).IsValid);
        Assert.True((await tokens.ValidateAsync(otherConsultee)).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAA.BBBB")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Garbage_is_malformed(string? token)
    {
        var (tokens, _, _) = await CreateAsync();
        Assert.Equal(ConsulteeTokenError.Malformed, (await tokens.ValidateAsync(token)).Error);
    }

    [Fact]
    public async Task Altered_token_is_tampered_and_one_signed_with_another_key_too()
    {
        var (tokens, _, _) = await CreateAsync();
        var token = await tokens.IssueAsync("cycle-a", "fc-okafor", Start.AddDays(10));
        var payload = token[..token.IndexOf('.', StringComparison.Ordinal)];
        var altered = (payload[5] == 'A' ? payload[..5] + "B" + payload[6..] : payload[..5] + "A" + payload[6..]) + token[payload.Length..];
        var (otherKeyTokens, _, _) = await CreateAsync(Convert.ToBase64String(new byte[32]));
        var foreign = await otherKeyTokens.IssueAsync("cycle-a", "fc-okafor", Start.AddDays(10));

        Assert.Equal(ConsulteeTokenError.Tampered, (await tokens.ValidateAsync(altered)).Error);
        Assert.Equal(ConsulteeTokenError.Tampered, (await tokens.ValidateAsync(foreign)).Error);
        Assert.False(await tokens.RevokeAsync(altered));
    }

    [Fact]
    public async Task Correctly_signed_but_never_issued_is_unknown()
    {
        var (tokens, _, _) = await CreateAsync();
        await tokens.IssueAsync("cycle-a", "fc-okafor", Start.AddDays(10));
        var neverIssued = TokenFormat.Create(Convert.FromBase64String(Key));

        Assert.Equal(ConsulteeTokenError.Unknown, (await tokens.ValidateAsync(neverIssued)).Error);
        Assert.False(await tokens.RevokeAsync(neverIssued));
    }

    [Fact]
    public async Task Issuing_with_a_past_expiry_or_empty_ids_is_refused()
    {
        var (tokens, _, _) = await CreateAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => tokens.IssueAsync("cycle-a", "fc-okafor", Start));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => tokens.IssueAsync(" ", "fc-okafor", Start.AddDays(1)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => tokens.IssueAsync("cycle-a", new string('x', 201), Start.AddDays(1)));
    }

    [Fact]
    public void Signing_key_is_required_outside_Development_and_must_be_long_enough()
    {
        var production = new HostingEnvironment { EnvironmentName = Environments.Production };
        var development = new HostingEnvironment { EnvironmentName = Environments.Development };

        Assert.Contains("TokenSigningKey", Assert.Throws<InvalidOperationException>(() => TokenSigningKey.Resolve(null, production)).Message);
        Assert.Contains("at least 32", Assert.Throws<InvalidOperationException>(() => TokenSigningKey.Resolve(Convert.ToBase64String(new byte[16]), production)).Message);
        Assert.Throws<InvalidOperationException>(() => TokenSigningKey.Resolve("not base64!", production));
        Assert.Equal(32, TokenSigningKey.Resolve(null, development).Length);
    }
}
