using System.Text;
using ReviewWorkflow.Notifications.Tests.Infrastructure;
using ReviewWorkflow.Notifications.Webhook;

namespace ReviewWorkflow.Notifications.Tests.Webhook;

/// <summary>Our checks around the SDK's RequestValidator (headers, timestamp window, key), and that the SDK's signature
/// check accepts SendGrid's signing and refuses everything else.</summary>
public sealed class SendGridWebhookCheckTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(SampleEvents.Batch);
    private readonly WebhookSigner _signer = new();
    private readonly RecordingTimeProvider _time = new(Now);

    private SendGridWebhookCheck Verifier(string? key = null) => new(key ?? _signer.PublicKey, TimeSpan.FromMinutes(10), _time);

    [Fact]
    public void Verify_SignedAsSendGridDoes_IsValid()
    {
        var timestamp = WebhookSigner.Timestamp(Now.AddSeconds(-30));
        Assert.Equal(WebhookVerificationStatus.Valid, Verifier().Verify(_signer.Sign(timestamp, Body), timestamp, Body));
    }

    [Fact]
    public void Verify_TamperedBody_IsBadSignature()
    {
        var timestamp = WebhookSigner.Timestamp(Now);
        var signature = _signer.Sign(timestamp, Body);
        var tampered = Encoding.UTF8.GetBytes(SampleEvents.Batch.Replace("spamreport", "delivered", StringComparison.Ordinal));
        Assert.Equal(WebhookVerificationStatus.BadSignature, Verifier().Verify(signature, timestamp, tampered));
    }

    [Fact]
    public void Verify_TimestampChangedAfterSigning_IsBadSignature()
    {
        var timestamp = WebhookSigner.Timestamp(Now);
        var signature = _signer.Sign(timestamp, Body);
        Assert.Equal(WebhookVerificationStatus.BadSignature, Verifier().Verify(signature, WebhookSigner.Timestamp(Now.AddSeconds(1)), Body));
    }

    [Fact]
    public void Verify_SignedWithAnotherKey_IsBadSignature()
    {
        using var other = new WebhookSigner();
        var timestamp = WebhookSigner.Timestamp(Now);
        Assert.Equal(WebhookVerificationStatus.BadSignature, Verifier().Verify(other.Sign(timestamp, Body), timestamp, Body));
    }

    [Fact]
    public void Verify_MissingHeaders_AreRefused()
    {
        var timestamp = WebhookSigner.Timestamp(Now);
        Assert.Equal(WebhookVerificationStatus.MissingSignature, Verifier().Verify(null, timestamp, Body));
        Assert.Equal(WebhookVerificationStatus.MissingTimestamp, Verifier().Verify(_signer.Sign(timestamp, Body), "", Body));
    }

    [Theory]
    [InlineData(-11)]
    [InlineData(11)]
    public void Verify_TimestampOutsideTolerance_IsStale(int minutes)
    {
        var timestamp = WebhookSigner.Timestamp(Now.AddMinutes(minutes));
        Assert.Equal(WebhookVerificationStatus.StaleTimestamp, Verifier().Verify(_signer.Sign(timestamp, Body), timestamp, Body));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAECAwQ=")]
    public void Verify_MalformedSignature_IsRefused(string signature)
    {
        var timestamp = WebhookSigner.Timestamp(Now);
        var status = Verifier().Verify(signature, timestamp, Body);
        Assert.True(status is WebhookVerificationStatus.MalformedSignature or WebhookVerificationStatus.BadSignature, status.ToString());
        Assert.NotEqual(WebhookVerificationStatus.Valid, status);
    }

    [Theory]
    [InlineData("1795251600.5")]
    [InlineData("-5")]
    [InlineData("soon")]
    public void Verify_MalformedTimestamp_IsRefused(string timestamp)
        => Assert.Equal(WebhookVerificationStatus.MalformedTimestamp, Verifier().Verify(_signer.Sign(timestamp, Body), timestamp, Body));

    [Fact]
    public void Verify_BodyNotUtf8_IsBadSignature()
    {
        var timestamp = WebhookSigner.Timestamp(Now);
        byte[] body = [.. Body, 0xC3, 0x28];
        Assert.Equal(WebhookVerificationStatus.BadSignature, Verifier().Verify(_signer.Sign(timestamp, body), timestamp, body));
    }

    [Theory]
    [InlineData("not-base64!!")]
    [InlineData("AAECAwQF")]
    public void Constructor_InvalidPublicKey_ThrowsClearError(string key)
    {
        var ex = Assert.Throws<ArgumentException>(() => Verifier(key));
        Assert.Contains("P-256", ex.Message);
    }

    [Fact]
    public void Constructor_KeyOnAnotherCurve_ThrowsClearError()
    {
        using var secp256k1 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.CreateFromFriendlyName("secP256k1"));
        var ex = Assert.Throws<ArgumentException>(() => Verifier(Convert.ToBase64String(secp256k1.ExportSubjectPublicKeyInfo())));
        Assert.Contains("P-256", ex.Message);
    }

    public void Dispose() => _signer.Dispose();
}
