using System.Globalization;
using System.Text;
using EllipticCurve;
using SendGrid.Helpers.EventWebhook;

namespace ReviewWorkflow.Notifications.Webhook;

/// <summary>
/// Decides whether a post to the Event Webhook came from SendGrid, recently. The signature itself (ECDSA P-256 over the
/// timestamp header followed by the body) is checked by the SDK's <see cref="RequestValidator"/>; what the SDK leaves to
/// us is here: both headers present, the timestamp a Unix time within <c>Email:WebhookTolerance</c> of now (so a
/// captured post cannot be replayed later), and the body valid UTF-8 (the SDK verifies text, so what it verified is
/// exactly what is parsed).
/// </summary>
public sealed class SendGridWebhookCheck
{
    /// <summary>SendGrid's curve for the Event Webhook (P-256; starkbank-ecdsa, under the SDK, calls it prime256v1).</summary>
    private const string SendGridCurve = "prime256v1";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly RequestValidator _validator = new();
    private readonly PublicKey _publicKey;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _time;

    /// <param name="verificationKey">SendGrid's "verification key": Base64 DER SubjectPublicKeyInfo of a P-256 key.</param>
    /// <param name="tolerance">Maximum age of a timestamp, and maximum clock skew into the future.</param>
    /// <exception cref="ArgumentException">The key is not a P-256 public key.</exception>
    public SendGridWebhookCheck(string verificationKey, TimeSpan tolerance, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verificationKey);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tolerance, TimeSpan.Zero);
        _publicKey = ParseKey(verificationKey);
        _tolerance = tolerance;
        _time = time;
    }

    /// <summary>Checks the headers and timestamp, then asks the SDK whether <paramref name="signature"/> signs
    /// <paramref name="timestamp"/> + <paramref name="body"/>.</summary>
    public WebhookVerificationStatus Verify(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return WebhookVerificationStatus.MissingSignature;
        }

        if (string.IsNullOrWhiteSpace(timestamp))
        {
            return WebhookVerificationStatus.MissingTimestamp;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return WebhookVerificationStatus.MalformedTimestamp;
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age > _tolerance || age < -_tolerance)
        {
            return WebhookVerificationStatus.StaleTimestamp;
        }

        string payload;
        try
        {
            payload = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            // SendGrid posts UTF-8 JSON; anything else cannot have been signed by it.
            return WebhookVerificationStatus.BadSignature;
        }

        try
        {
            return _validator.VerifySignature(_publicKey, payload, signature.Trim(), timestamp)
                ? WebhookVerificationStatus.Valid
                : WebhookVerificationStatus.BadSignature;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The SDK's Base64/DER decoding throws assorted types on garbage; every one means "not signed by SendGrid".
            return WebhookVerificationStatus.MalformedSignature;
        }
    }

    private PublicKey ParseKey(string verificationKey)
    {
        PublicKey key;
        try
        {
            key = _validator.ConvertPublicKeyToECDSA(verificationKey.Trim());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // As above: the key parser fails with many exception types; all mean a wrong setting.
            throw new ArgumentException("The webhook verification key (Email:WebhookPublicKey) is not a Base64 DER SubjectPublicKeyInfo of an EC P-256 key: " + ex.Message, nameof(verificationKey), ex);
        }

        if (!string.Equals(key.curve.name, SendGridCurve, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The webhook verification key (Email:WebhookPublicKey) is on curve {key.curve.name}; SendGrid uses P-256.", nameof(verificationKey));
        }

        return key;
    }
}
