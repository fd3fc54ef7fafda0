using Microsoft.Extensions.Logging;

namespace ReviewWorkflow.Notifications.Email;

/// <summary>
/// Makes any sender idempotent per <see cref="EmailMessage.IdempotencyKey"/>: look the key up, send, then record it.
/// </summary>
/// <remarks>
/// <para>The key is recorded AFTER the provider accepted the message, never before. Recording first would turn a
/// failed or interrupted send into a message that is never sent (the retry would find the key and skip), and a
/// missing consultation request is worse than a duplicate one. SendGrid has no server-side idempotency, so the bound
/// is: at most one duplicate, and only if the process dies (or the ledger write fails) between SendGrid's 202 and
/// the ledger write. The key also travels in <c>custom_args.idempotencyKey</c>, so such a duplicate is visible in
/// webhook events.</para>
/// <para>Concurrent sends of the same key in this process are serialised (striped locks), so two racing retries
/// cannot both send. Across processes the durable runtime runs one attempt of an activity at a time.</para>
/// </remarks>
public sealed partial class IdempotentEmailSender : IEmailSender
{
    private static readonly SemaphoreSlim[] Stripes = CreateStripes(64);

    private readonly IEmailSender _inner;
    private readonly IEmailSendLedger _ledger;
    private readonly ILogger<IdempotentEmailSender> _logger;

    public IdempotentEmailSender(IEmailSender inner, IEmailSendLedger ledger, ILogger<IdempotentEmailSender> logger)
    {
        _inner = inner;
        _ledger = ledger;
        _logger = logger;
    }

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        EmailValidation.Validate(message);
        var key = message.IdempotencyKey;
        var stripe = Stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)Stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var previous = await _ledger.FindAsync(key, cancellationToken).ConfigureAwait(false);
            if (previous is not null)
            {
                Log.AlreadySent(_logger, key, previous.ProviderMessageId);
                return previous with { AlreadySent = true };
            }

            var result = await _inner.SendAsync(message, cancellationToken).ConfigureAwait(false);

            // Not cancellable: the message is out, so the record must be written even if the caller gave up.
            await _ledger.RecordAsync(key, result, CancellationToken.None).ConfigureAwait(false);
            return result;
        }
        finally
        {
            stripe.Release();
        }
    }

    private static SemaphoreSlim[] CreateStripes(int count)
    {
        var stripes = new SemaphoreSlim[count];
        for (var i = 0; i < count; i++)
        {
            stripes[i] = new SemaphoreSlim(1, 1);
        }

        return stripes;
    }
}
