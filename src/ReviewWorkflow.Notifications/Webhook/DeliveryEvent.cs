namespace ReviewWorkflow.Notifications.Webhook;

/// <summary>One event of SendGrid's Event Webhook.</summary>
/// <param name="Event">processed, delivered, deferred, bounce, dropped, open, click, spamreport, unsubscribe, group_unsubscribe, ...</param>
/// <param name="EventId">sg_event_id: the deduplication key (SendGrid retries for up to 24 h).</param>
/// <param name="MessageId">sg_message_id: starts with the X-Message-Id returned by mail/send.</param>
/// <param name="Type">For bounces: "bounce" or "blocked".</param>
/// <param name="Status">For bounces: the SMTP enhanced status, e.g. "5.1.1".</param>
/// <param name="Reason">For bounces and drops: the reason text.</param>
/// <param name="CustomArgs">The message's custom_args, which SendGrid sends as top-level keys.</param>
public sealed record DeliveryEvent(
    string Email,
    DateTimeOffset Timestamp,
    string Event,
    string? EventId,
    string? MessageId,
    string? Type,
    string? Status,
    string? Reason,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, string> CustomArgs)
{
    /// <summary>sg_event_id, or when SendGrid left it out, a key made of the message, event, time and address.</summary>
    public string DeduplicationKey => EventId ?? $"{MessageId}|{Event}|{Timestamp.ToUnixTimeSeconds()}|{Email}";

    /// <summary>The custom arg <paramref name="name"/>, or null.</summary>
    public string? Arg(string name) => CustomArgs.TryGetValue(name, out var value) ? value : null;

    /// <summary>A problem someone must act on (bounce, block, drop, spam report), or null for other events.</summary>
    public DeliveryProblem? ToDeliveryProblem()
    {
        DeliveryProblemKind? kind = Event switch
        {
            "bounce" when string.Equals(Type, "blocked", StringComparison.OrdinalIgnoreCase) => DeliveryProblemKind.Blocked,
            "bounce" => DeliveryProblemKind.Bounced,
            "blocked" => DeliveryProblemKind.Blocked,
            "dropped" => DeliveryProblemKind.Dropped,
            "spamreport" => DeliveryProblemKind.SpamReport,
            _ => null,
        };
        return kind is null
            ? null
            : new DeliveryProblem(Email, kind.Value, Reason ?? Status, Timestamp, Arg("cycleId"), Arg("consulteeId"), Arg("requestId"), MessageId, DeduplicationKey);
    }
}

public enum DeliveryProblemKind
{
    /// <summary>The receiving server refused the address (hard bounce).</summary>
    Bounced,

    /// <summary>The receiving server refused the message (blocked; often temporary or reputation-related).</summary>
    Blocked,

    /// <summary>SendGrid did not send it (address on a suppression list, invalid, ...).</summary>
    Dropped,

    /// <summary>The recipient marked it as spam: do not email them again without asking.</summary>
    SpamReport,
}

/// <summary>A consultee's email did not arrive (or was marked as spam): what the lead should see and act on.</summary>
public sealed record DeliveryProblem(
    string Address,
    DeliveryProblemKind Kind,
    string? Reason,
    DateTimeOffset OccurredAt,
    string? CycleId,
    string? ConsulteeId,
    string? RequestId,
    string? ProviderMessageId,
    string EventId);
