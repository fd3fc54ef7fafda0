namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>
/// Personal respondent links: one unguessable token per consultee and cycle, the same token every time it is issued
/// (so a retried request and every reminder carry the same link), stored only as a hash, expiring and revocable.
/// The pages issue may replace the implementation; the contract stays.
/// </summary>
public interface IConsulteeLinkIssuer
{
    /// <summary>Issues the consultee's link (or re-issues the current one, extending its expiry to at least <paramref name="expiresAt"/>).</summary>
    Task<ConsulteeLink> IssueAsync(string cycleId, string consulteeId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>What a token opens, or why it does not.</summary>
    Task<ConsulteeLinkCheck> CheckAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Stops the current link working; the next <see cref="IssueAsync"/> makes a new one.</summary>
    Task RevokeAsync(string cycleId, string consulteeId, CancellationToken cancellationToken = default);
}

/// <param name="Url">The absolute link: the public base URL + <c>respond/{token}</c>.</param>
public sealed record ConsulteeLink(string Token, string Url, DateTimeOffset ExpiresAt);

public enum ConsulteeLinkState
{
    Valid,
    /// <summary>Malformed, bad signature, or unknown.</summary>
    Invalid,
    Expired,
    Revoked,
}

public sealed record ConsulteeLinkCheck(ConsulteeLinkState State, string? CycleId = null, string? ConsulteeId = null, DateTimeOffset? ExpiresAt = null)
{
    public bool IsValid => State == ConsulteeLinkState.Valid;
}
