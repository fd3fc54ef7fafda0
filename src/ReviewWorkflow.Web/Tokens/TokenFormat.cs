using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ReviewWorkflow.Web.Tokens;

/// <summary>
/// Token text: <c>base64url(version byte 1 + 32 random bytes) "." base64url(first 16 bytes of HMAC-SHA256(key, payload))</c>,
/// 67 characters, URL-safe. The random part makes it unguessable; the signature lets forged or altered tokens be told
/// apart from unknown ones without a storage read.
/// </summary>
internal static class TokenFormat
{
    public const byte Version = 1;
    private const int RandomBytes = 32;
    private const int PayloadBytes = 1 + RandomBytes;
    private const int MacBytes = 16;
    private static readonly int PayloadChars = Base64Url.GetEncodedLength(PayloadBytes);
    private static readonly int MacChars = Base64Url.GetEncodedLength(MacBytes);

    public static int Length => PayloadChars + 1 + MacChars;

    public static string Create(byte[] key)
    {
        var payload = new byte[PayloadBytes];
        payload[0] = Version;
        RandomNumberGenerator.Fill(payload.AsSpan(1));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Mac(key, payload));
    }

    /// <summary>Checks shape and signature. Null when valid; otherwise why not.</summary>
    public static ConsulteeTokenError? Check(byte[] key, string? token)
    {
        if (token is null || token.Length != Length || token[PayloadChars] != '.')
        {
            return ConsulteeTokenError.Malformed;
        }

        var payload = new byte[PayloadBytes];
        var mac = new byte[MacBytes];
        if (!Base64Url.TryDecodeFromChars(token.AsSpan(0, PayloadChars), payload, out var n1) || n1 != PayloadBytes
            || !Base64Url.TryDecodeFromChars(token.AsSpan(PayloadChars + 1), mac, out var n2) || n2 != MacBytes
            || payload[0] != Version)
        {
            return ConsulteeTokenError.Malformed;
        }

        // Non-canonical Base64 (spare low bits set) would let one token have several spellings: refuse it.
        if (!string.Equals(Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(mac), token, StringComparison.Ordinal))
        {
            return ConsulteeTokenError.Malformed;
        }

        return CryptographicOperations.FixedTimeEquals(Mac(key, payload), mac) ? null : ConsulteeTokenError.Tampered;
    }

    /// <summary>The stored form: lowercase hex SHA-256 of the token text.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static byte[] Mac(byte[] key, byte[] payload) => HMACSHA256.HashData(key, payload).AsSpan(0, MacBytes).ToArray();
}
