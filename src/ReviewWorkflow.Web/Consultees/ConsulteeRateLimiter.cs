using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ReviewWorkflow.Web.Consultees;

/// <summary>
/// The limits on consultee endpoints, on the built-in rate limiters (System.Threading.RateLimiting, used by ASP.NET
/// Core's rate limiting middleware): a fixed window per link (policy <see cref="Policy"/>, partitioned by the token's
/// hash), and a fixed window per client address that only broken links count against — a guesser tries a new token
/// each time, so only the address slows them, while a school or care home sharing one address is never blocked by
/// links that work.
/// </summary>
public sealed class ConsulteeRateLimiter : IDisposable
{
    public const string Policy = "consultee";

    private readonly ConsulteeRateLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _brokenLinks;

    public ConsulteeRateLimiter(IOptions<ConsulteeRateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _brokenLinks = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = _options.InvalidTokenPermitLimit,
            Window = TimeSpan.FromSeconds(_options.InvalidTokenWindowSeconds),
            QueueLimit = 0,
        }));
    }

    /// <summary>The partition for a request to a consultee endpoint: one window per token.</summary>
    internal RateLimitPartition<string> Partition(HttpContext context)
    {
        if (!_options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }

        var token = context.Request.RouteValues["token"] as string ?? "";
        return RateLimitPartition.GetFixedWindowLimiter("t:" + Hash(token), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = _options.PermitLimit,
            Window = TimeSpan.FromSeconds(_options.WindowSeconds),
            QueueLimit = 0,
        });
    }

    /// <summary>Counts a broken link against the caller's address; the wait when the address has used its allowance.</summary>
    internal TimeSpan? RefuseBrokenLink(HttpContext context)
    {
        if (!_options.Enabled)
        {
            return null;
        }

        using var lease = _brokenLinks.AttemptAcquire(ClientAddress(context));
        return lease.IsAcquired ? null : RetryAfter(lease, _options.InvalidTokenWindowSeconds);
    }

    internal static TimeSpan RetryAfter(RateLimitLease lease, int windowSeconds)
        => lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(windowSeconds);

    /// <summary>
    /// The client's address. Behind App Service the Functions host forwards from loopback and the platform's front end
    /// appends the caller to X-Forwarded-For, so the rightmost entry is the one a client cannot forge; the header is
    /// believed only on a loopback connection.
    /// </summary>
    internal static string ClientAddress(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && IPAddress.IsLoopback(remote)
            && context.Request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (last is not null)
            {
                return last.Length > 64 ? last[..64] : last;
            }
        }

        return remote?.ToString() ?? "unknown";
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..32];

    public void Dispose() => _brokenLinks.Dispose();
}
