using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReviewWorkflow.Notifications.Webhook;

/// <summary>Why a webhook request was refused (or <see cref="Valid"/>).</summary>
public enum WebhookVerificationStatus
{
    Valid,
    MissingSignature,
    MissingTimestamp,
    MalformedSignature,
    MalformedTimestamp,
    StaleTimestamp,
    BadSignature,
}

/// <summary>
/// Verifies SendGrid's signed Event Webhook: ECDSA P-256 with SHA-256 over the timestamp header's exact text
/// followed by the raw body bytes; the signature is Base64 DER (RFC 3279 sequence). Pure: no I/O, no state.
/// </summary>
public sealed class SendGridWebhookVerifier
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private readonly byte[] _publicKey;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _time;

    /// <param name="base64PublicKey">Base64 DER SubjectPublicKeyInfo of a P-256 key (SendGrid's "verification key").</param>
    /// <param name="tolerance">Maximum age of a timestamp, and maximum clock skew into the future.</param>
    /// <exception cref="ArgumentException">The key is not Base64 or not a P-256 public key.</exception>
    public SendGridWebhookVerifier(string base64PublicKey, TimeSpan tolerance, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(base64PublicKey);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tolerance, TimeSpan.Zero);
        try
        {
            _publicKey = Convert.FromBase64String(base64PublicKey.Trim());
            using var key = ImportKey(_publicKey);
            if (key.KeySize != 256)
            {
                throw new ArgumentException($"The webhook verification key is a {key.KeySize}-bit EC key; SendGrid uses P-256.", nameof(base64PublicKey));
            }
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new ArgumentException("The webhook verification key is not a Base64 DER SubjectPublicKeyInfo of an EC P-256 key: " + ex.Message, nameof(base64PublicKey), ex);
        }

        _tolerance = tolerance;
        _time = time;
    }

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

        var signatureBytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature.Trim(), signatureBytes, out var signatureLength))
        {
            return WebhookVerificationStatus.MalformedSignature;
        }

        // Signed data = the timestamp header's exact bytes, then the raw body bytes.
        var timestampBytes = Encoding.UTF8.GetBytes(timestamp);
        var data = new byte[timestampBytes.Length + body.Length];
        timestampBytes.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(timestampBytes.Length));

        try
        {
            using var key = ImportKey(_publicKey);
            return key.VerifyData(data, signatureBytes.AsSpan(0, signatureLength), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                ? WebhookVerificationStatus.Valid
                : WebhookVerificationStatus.BadSignature;
        }
        catch (CryptographicException)
        {
            return WebhookVerificationStatus.MalformedSignature;
        }
    }

    private static ECDsa ImportKey(byte[] subjectPublicKeyInfo)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
