using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Workflow.Hosting;
using ReviewWorkflow.Workflow.Storage;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>
/// Tokens are <c>base64url("cycle|consultee|generation") "." base64url(HMAC-SHA256)</c>: the signature makes them
/// unguessable and checkable without a lookup; the table (partition = cycle, row = consultee) keeps only the token's
/// SHA-256, the expiry, the generation and whether it was revoked.
/// </summary>
public sealed class HmacConsulteeLinkIssuer : IConsulteeLinkIssuer
{
    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly WorkflowOptions _options;
    private readonly byte[] _key;

    public HmacConsulteeLinkIssuer(TableClient table, TimeProvider time, IOptions<WorkflowOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = table;
        _time = time;
        _options = options.Value;
        _key = string.IsNullOrWhiteSpace(_options.LinkSigningKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(_options.LinkSigningKey);
    }

    public async Task<ConsulteeLink> IssueAsync(string cycleId, string consulteeId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await _table.FindAsync(cycleId, consulteeId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (row?.GetBoolean("Erased") == true)
            {
                // The consultee's personal data was erased: a link is never issued again (this one is recorded nowhere,
                // so it does not open the form).
                var dead = Token(cycleId, consulteeId, (row.GetInt32("Generation") ?? 1) + 1);
                return new ConsulteeLink(dead, _options.Url("respond/" + dead), expiresAt);
            }

            var generation = (row?.GetInt32("Generation") ?? 1) + (row?.GetBoolean("Revoked") == true ? 1 : 0);
            var expiry = row?.GetDateTimeOffset("ExpiresAt") is { } known && known > expiresAt && row.GetBoolean("Revoked") != true ? known : expiresAt;
            var token = Token(cycleId, consulteeId, generation);
            var entity = new TableEntity(cycleId, consulteeId)
            {
                ["TokenHash"] = Hash(token),
                ["Generation"] = generation,
                ["ExpiresAt"] = expiry,
                ["Revoked"] = false,
            };
            try
            {
                if (row is null)
                {
                    await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return new ConsulteeLink(token, _options.Url("respond/" + token), expiry);
            }
            catch (RequestFailedException ex) when ((StorageFailures.IsConflict(ex) || StorageFailures.IsPreconditionFailed(ex)) && attempt < 5)
            {
                // Someone issued or revoked concurrently: read again.
            }
        }
    }

    public async Task<ConsulteeLinkCheck> CheckAsync(string token, CancellationToken cancellationToken = default)
    {
        if (Authentic(token) is not { } parsed)
        {
            return new ConsulteeLinkCheck(ConsulteeLinkState.Invalid);
        }

        if (!IsKey(parsed.Cycle) || !IsKey(parsed.Consultee))
        {
            return new ConsulteeLinkCheck(ConsulteeLinkState.Invalid); // signed, but not for anything that can be stored
        }

        var row = await _table.FindAsync(parsed.Cycle, parsed.Consultee, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row is null || row.GetString("TokenHash") != Hash(token))
        {
            return new ConsulteeLinkCheck(row?.GetInt32("Generation") > parsed.Generation ? ConsulteeLinkState.Revoked : ConsulteeLinkState.Invalid);
        }

        var expires = row.GetDateTimeOffset("ExpiresAt");
        if (row.GetBoolean("Revoked") == true)
        {
            return new ConsulteeLinkCheck(ConsulteeLinkState.Revoked, parsed.Cycle, parsed.Consultee, expires);
        }

        return expires is { } e && e <= _time.GetUtcNow()
            ? new ConsulteeLinkCheck(ConsulteeLinkState.Expired, parsed.Cycle, parsed.Consultee, e)
            : new ConsulteeLinkCheck(ConsulteeLinkState.Valid, parsed.Cycle, parsed.Consultee, expires);
    }

    public async Task RevokeAsync(string cycleId, string consulteeId, CancellationToken cancellationToken = default)
    {
        var row = await _table.FindAsync(cycleId, consulteeId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row is not null)
        {
            await _table.UpsertEntityAsync(new TableEntity(cycleId, consulteeId) { ["Revoked"] = true }, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
    }

    private string Token(string cycleId, string consulteeId, int generation)
    {
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{cycleId}|{consulteeId}|{generation}"));
        var signature = HMACSHA256.HashData(_key, payload);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>The token's parts when it is well formed and its signature is this key's.</summary>
    private (string Cycle, string Consultee, int Generation)? Authentic(string? token) =>
        Parse(token) is { } parsed && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token!), Encoding.ASCII.GetBytes(Token(parsed.Cycle, parsed.Consultee, parsed.Generation)))
            ? parsed
            : null;

    private static (string Cycle, string Consultee, int Generation)? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 500 || token.Split('.') is not [var payload, _])
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(payload)).Split('|');
            return parts is [var cycle, var consultee, var gen] && int.TryParse(gen, NumberStyles.None, CultureInfo.InvariantCulture, out var g) && cycle.Length > 0 && consultee.Length > 0
                ? (cycle, consultee, g)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsKey(string value)
    {
        try
        {
            TableKeys.Check(value, nameof(value));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
