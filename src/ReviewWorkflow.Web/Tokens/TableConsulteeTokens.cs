using Microsoft.Extensions.Logging;
using ReviewWorkflow.Storage;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Web.Tokens;

/// <summary>
/// <see cref="IConsulteeTokens"/> on Table Storage. Two rows per token, both keyed by the token's SHA-256 hash:
/// the link row (PartitionKey = hash, RowKey = "link": cycle, consultee, expiry, revocation) for validation by point
/// read, and an index row (PartitionKey = "consultee|{cycle}|{consultee}", RowKey = hash) so all of a consultee's
/// links can be revoked. The token itself is never stored.
/// </summary>
internal sealed class TableConsulteeTokens(
    TableClient table,
    TokenSigningKey key,
    TimeProvider time,
    ILogger<TableConsulteeTokens> logger) : IConsulteeTokens
{
    private const string LinkRow = "link";
    private const int MaxIdLength = 200;
    private Task? _tableCreated;

    public async Task<string> IssueAsync(string cycleId, string consulteeId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        CheckId(cycleId, nameof(cycleId));
        CheckId(consulteeId, nameof(consulteeId));
        var now = time.GetUtcNow();
        if (expiresAt <= now)
        {
            throw new ArgumentException($"The link would expire ({expiresAt:O}) before it is sent ({now:O}).", nameof(expiresAt));
        }

        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var token = TokenFormat.Create(key.Value);
        var hash = TokenFormat.Hash(token);

        // Index first: a link row without its index row could not be revoked by RevokeAllAsync.
        await table.AddEntityAsync(new TableEntity(IndexPartition(cycleId, consulteeId), hash), cancellationToken).ConfigureAwait(false);
        await table.AddEntityAsync(new TableEntity(hash, LinkRow)
        {
            ["CycleId"] = cycleId,
            ["ConsulteeId"] = consulteeId,
            ["ExpiresAt"] = expiresAt.ToUniversalTime(),
            ["IssuedAt"] = now,
        }, cancellationToken).ConfigureAwait(false);
        Log.TokenIssued(logger, cycleId, consulteeId, expiresAt);
        return token;
    }

    public async Task<ConsulteeTokenValidation> ValidateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (TokenFormat.Check(key.Value, token) is { } formatError)
        {
            Log.TokenRefused(logger, formatError.ToString());
            return ConsulteeTokenValidation.Invalid(formatError);
        }

        var row = await ReadLinkAsync(TokenFormat.Hash(token!), cancellationToken).ConfigureAwait(false);
        var result = row switch
        {
            null => ConsulteeTokenValidation.Invalid(ConsulteeTokenError.Unknown),
            _ when row.GetDateTimeOffset("RevokedAt") is { } revokedAt => ConsulteeTokenValidation.Invalid(ConsulteeTokenError.Revoked, revokedAt),
            _ when row.GetDateTimeOffset("ExpiresAt") is not { } expiresAt => ConsulteeTokenValidation.Invalid(ConsulteeTokenError.Unknown),
            _ when row.GetDateTimeOffset("ExpiresAt") <= time.GetUtcNow() => ConsulteeTokenValidation.Invalid(ConsulteeTokenError.Expired, row.GetDateTimeOffset("ExpiresAt")),
            _ => ConsulteeTokenValidation.Valid(new ConsulteeLink(row.GetString("CycleId") ?? "", row.GetString("ConsulteeId") ?? "", row.GetDateTimeOffset("ExpiresAt")!.Value)),
        };
        if (result.Error is { } error)
        {
            Log.TokenRefused(logger, error.ToString());
        }

        return result;
    }

    public async Task<bool> RevokeAsync(string token, CancellationToken cancellationToken = default)
    {
        if (TokenFormat.Check(key.Value, token) is not null)
        {
            return false;
        }

        var hash = TokenFormat.Hash(token);
        var row = await ReadLinkAsync(hash, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return false;
        }

        await MarkRevokedAsync(row, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<int> RevokeAllAsync(string cycleId, string consulteeId, CancellationToken cancellationToken = default)
    {
        CheckId(cycleId, nameof(cycleId));
        CheckId(consulteeId, nameof(consulteeId));
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableFilter.Create($"PartitionKey eq {IndexPartition(cycleId, consulteeId)}");
        var revoked = 0;
        await foreach (var index in table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var row = await ReadLinkAsync(index.RowKey, cancellationToken).ConfigureAwait(false);
            if (row is not null && row.GetDateTimeOffset("RevokedAt") is null)
            {
                await MarkRevokedAsync(row, cancellationToken).ConfigureAwait(false);
                revoked++;
            }
        }

        Log.TokensRevoked(logger, revoked);
        return revoked;
    }

    private async Task MarkRevokedAsync(TableEntity row, CancellationToken cancellationToken)
    {
        if (row.GetDateTimeOffset("RevokedAt") is not null)
        {
            return; // revoking twice keeps the first time
        }

        var update = new TableEntity(row.PartitionKey, row.RowKey) { ["RevokedAt"] = time.GetUtcNow() };
        await table.UpdateEntityAsync(update, "*", TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TableEntity?> ReadLinkAsync(string hash, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        return await table.GetEntityAsync(hash, LinkRow, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the table once per instance; a failed attempt is retried on the next call. Two racing
    /// first calls may both send "create if not exists", which is harmless.</summary>
    private Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        var created = _tableCreated;
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            created = table.CreateIfNotExistsAsync(CancellationToken.None);
            _tableCreated = created;
        }

        return created.WaitAsync(cancellationToken);
    }

    /// <summary>Ids are escaped so '/', '\', '#', '?' and '|' in them cannot break or blur the key.</summary>
    private static string IndexPartition(string cycleId, string consulteeId)
        => "consultee|" + Uri.EscapeDataString(cycleId) + "|" + Uri.EscapeDataString(consulteeId);

    private static void CheckId(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Length > MaxIdLength)
        {
            throw new ArgumentException($"{name} is longer than {MaxIdLength} characters.", name);
        }
    }
}
