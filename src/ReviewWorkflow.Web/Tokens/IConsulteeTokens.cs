namespace ReviewWorkflow.Web.Tokens;

/// <summary>
/// Personal consultee links: an unguessable token, signed with <see cref="WebOptions.TokenSigningKey"/>, that opens
/// one consultee's response in one cycle until it expires or is revoked. Only the SHA-256 hash of a token is stored;
/// the token itself exists only in the email (and the link the consultee follows).
/// </summary>
public interface IConsulteeTokens
{
    /// <summary>Issues a new token for the consultee in the cycle; earlier tokens stay valid until revoked.</summary>
    /// <exception cref="ArgumentException">An id is empty or too long, or <paramref name="expiresAt"/> is not in the future.</exception>
    Task<string> IssueAsync(string cycleId, string consulteeId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>What the token opens, or why it opens nothing. Never throws for bad input.</summary>
    Task<ConsulteeTokenValidation> ValidateAsync(string? token, CancellationToken cancellationToken = default);

    /// <summary>Revokes one token. False when the token is malformed, forged or unknown.</summary>
    Task<bool> RevokeAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Revokes every token issued to the consultee in the cycle (e.g. before sending a replacement link).
    /// Returns how many were newly revoked.</summary>
    Task<int> RevokeAllAsync(string cycleId, string consulteeId, CancellationToken cancellationToken = default);
}

/// <summary>What a valid token opens.</summary>
public sealed record ConsulteeLink(string CycleId, string ConsulteeId, DateTimeOffset ExpiresAt);

/// <summary>Why a token opens nothing.</summary>
public enum ConsulteeTokenError
{
    /// <summary>Not a token of this service at all (wrong shape, length or encoding).</summary>
    Malformed,

    /// <summary>Shaped like a token but the signature does not match: altered, or signed with another key.</summary>
    Tampered,

    /// <summary>Correctly signed but never issued here (or its record is gone).</summary>
    Unknown,

    Expired,

    Revoked,
}

/// <summary>The result of <see cref="IConsulteeTokens.ValidateAsync"/>: exactly one of <see cref="Link"/> and <see cref="Error"/>.</summary>
public sealed record ConsulteeTokenValidation
{
    private ConsulteeTokenValidation(ConsulteeLink? link, ConsulteeTokenError? error, DateTimeOffset? expiredAt)
    {
        Link = link;
        Error = error;
        ExpiredAt = expiredAt;
    }

    public ConsulteeLink? Link { get; }

    public ConsulteeTokenError? Error { get; }

    /// <summary>When an expired or revoked link stopped working (for "this link expired on ..." messages).</summary>
    public DateTimeOffset? ExpiredAt { get; }

    public bool IsValid => Link is not null;

    public static ConsulteeTokenValidation Valid(ConsulteeLink link) => new(link, null, null);

    public static ConsulteeTokenValidation Invalid(ConsulteeTokenError error, DateTimeOffset? at = null) => new(null, error, at);
}
