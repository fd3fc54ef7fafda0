using System.Security.Cryptography;
using System.Text;

namespace ReviewWorkflow.Web.Development;

/// <summary>
/// A P-256 key pair made when the app starts in Development (never stored or configured, so it cannot end up in Azure):
/// its public half stands in for SendGrid's verification key (<c>Email:WebhookPublicKey</c>) when none is set, and
/// <see cref="DevelopmentBounces"/> signs with the private half as SendGrid does.
/// </summary>
public sealed class DevelopmentWebhookKey : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public DevelopmentWebhookKey() => PublicKey = Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());

    /// <summary>Base64 DER SubjectPublicKeyInfo, the form SendGrid shows its verification key in.</summary>
    public string PublicKey { get; }

    /// <summary>SendGrid's signature: ECDSA P-256 with SHA-256 over the timestamp header followed by the body, Base64 DER.</summary>
    public string Sign(string timestamp, byte[] body) =>
        Convert.ToBase64String(_key.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public void Dispose() => _key.Dispose();
}
