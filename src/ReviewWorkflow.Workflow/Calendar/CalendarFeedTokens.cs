using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>
/// The token in a cycle's calendar subscription link (<c>/cycles/{id}/calendar.ics?token=…</c>): calendar apps fetch
/// feeds without signing in, so the link itself carries the right to see the cycle's staff items. HMAC-SHA256 of the
/// cycle id under <see cref="WorkflowOptions.LinkSigningKey"/> (a random key for this process when none is set, as for
/// consultee links), compared in fixed time. Rotating the key revokes every subscription link.
/// </summary>
public sealed class CalendarFeedTokens
{
    private readonly byte[] _key;

    public CalendarFeedTokens(IOptions<WorkflowOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.LinkSigningKey;
        _key = string.IsNullOrWhiteSpace(configured) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(configured);
    }

    public string For(string cycleId)
    {
        ArgumentNullException.ThrowIfNull(cycleId);
        return Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("calendar-feed|" + cycleId)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public bool IsValid(string cycleId, string? token) =>
        !string.IsNullOrEmpty(token) && token.Length < 100
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(For(cycleId)), Encoding.ASCII.GetBytes(token));
}
