using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Consultees;

public enum OpeningState
{
    /// <summary>The link works: <see cref="ConsulteeOpening.Form"/> is set (and the response, once saved).</summary>
    Open,
    /// <summary>Malformed, tampered or unknown (404).</summary>
    Invalid,
    /// <summary>Past its expiry (410).</summary>
    Expired,
    /// <summary>Replaced by a newer link or withdrawn (410).</summary>
    Revoked,
    /// <summary>Too many broken links from this address: wait <see cref="ConsulteeOpening.RetryAfter"/> (429).</summary>
    RateLimited,
}

/// <summary>What a consultee's token opened: the form and their stored response, or why it opened nothing.</summary>
public sealed record ConsulteeOpening(OpeningState State, ConsulteeForm? Form = null, StoredResponse? Response = null, DateTimeOffset? ExpiresAt = null, TimeSpan? RetryAfter = null)
{
    public bool IsOpen => State == OpeningState.Open && Form is not null;

    public bool Submitted => Response is { Submitted: true };

    /// <summary>The young-people form: simpler words, shorter sentences.</summary>
    public bool PlainLanguage => Form?.Audience == Workflow.Domain.Audience.YoungPeople;

    public ConsulteeWording Wording => ConsulteeWording.For(Form);

    internal static OpeningState From(ConsulteeLinkState state) => state switch
    {
        ConsulteeLinkState.Valid => OpeningState.Open,
        ConsulteeLinkState.Expired => OpeningState.Expired,
        ConsulteeLinkState.Revoked => OpeningState.Revoked,
        _ => OpeningState.Invalid,
    };
}
