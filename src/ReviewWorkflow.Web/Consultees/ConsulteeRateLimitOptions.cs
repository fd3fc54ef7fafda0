namespace ReviewWorkflow.Web.Consultees;

/// <summary>Configuration section <c>Web:ConsulteeRateLimit</c>: how often one link (and one address, with broken links) may be used.</summary>
public sealed class ConsulteeRateLimitOptions
{
    public const string SectionName = "Web:ConsulteeRateLimit";

    /// <summary>Off only for load tests that measure the app rather than the limits.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per link (page and API together) in each window. A person filling in a form makes a few a minute.</summary>
    public int PermitLimit { get; set; } = 60;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>Broken (malformed, tampered or unknown) links per client address in each window; past it, 429 without checking.</summary>
    public int InvalidTokenPermitLimit { get; set; } = 20;

    public int InvalidTokenWindowSeconds { get; set; } = 300;

    internal bool IsValid => PermitLimit > 0 && WindowSeconds > 0 && InvalidTokenPermitLimit > 0 && InvalidTokenWindowSeconds > 0;
}
