using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReviewWorkflow.Notifications.Tests.Webhook;

/// <summary>Signs webhook bodies exactly as SendGrid does: ECDSA P-256, SHA-256 over timestamp + body, Base64 DER.</summary>
public sealed class WebhookSigner : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string PublicKey => Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public string Sign(string timestamp, byte[] body)
    {
        var data = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        return Convert.ToBase64String(_key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    public void Dispose() => _key.Dispose();
}

public static class SampleEvents
{
    /// <summary>A realistic batch: processed, delivered, a hard bounce and a spam report, with our custom args.</summary>
    public const string Batch = """
        [
          {"email":"sam.carer@carers.example","timestamp":1795251600,"smtp-id":"<14c5d75ce93.dfd.64b469@ismtpd-555>","event":"processed","category":["consultation-request"],"sg_event_id":"ev-processed-1","sg_message_id":"msg-abc-123.filter0001.16648.5515E0B88.0","cycleId":"cyc-42","consulteeId":"con-7","requestId":"r-001"},
          {"email":"sam.carer@carers.example","timestamp":1795251610,"event":"delivered","category":"consultation-request","sg_event_id":"ev-delivered-1","sg_message_id":"msg-abc-123.filter0001.16648.5515E0B88.0","response":"250 OK","cycleId":"cyc-42","consulteeId":"con-7"},
          {"email":"nobody@health.example","timestamp":1795251620,"event":"bounce","type":"bounce","status":"5.1.1","reason":"550 5.1.1 The email account that you tried to reach does not exist.","sg_event_id":"ev-bounce-1","sg_message_id":"msg-def-456.filter0001","cycleId":"cyc-42","consulteeId":"con-9","requestId":"r-002"},
          {"email":"alex@police.example","timestamp":1795251630,"event":"spamreport","sg_event_id":"ev-spam-1","sg_message_id":"msg-ghi-789.filter0001","cycleId":"cyc-42","consulteeId":"con-11"}
        ]
        """;
}
