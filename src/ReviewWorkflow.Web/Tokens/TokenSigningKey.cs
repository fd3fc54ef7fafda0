using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ReviewWorkflow.Web.Tokens;

/// <summary>The consultee-link signing key from <see cref="WebOptions.TokenSigningKey"/>. Resolved on first use so an
/// app that never issues links starts without one; outside Development a missing key is an error then.</summary>
internal sealed class TokenSigningKey(IOptions<WebOptions> options, IHostEnvironment environment)
{
    private const int MinimumBytes = 32;
    private readonly Lazy<byte[]> _key = new(() => Resolve(options.Value.TokenSigningKey, environment));

    public byte[] Value => _key.Value;

    internal static byte[] Resolve(string? configured, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (environment.IsDevelopment())
            {
                // Development only: a fixed, public key, so links in the local outbox survive restarts.
                return SHA256.HashData(Encoding.UTF8.GetBytes("ReviewWorkflow development consultee link key (not a secret)"));
            }

            throw new InvalidOperationException(
                $"{WebOptions.SectionName}:TokenSigningKey is not set. Consultee links need a secret signing key outside Development: " +
                "32 or more random bytes, Base64 (e.g. 'openssl rand -base64 32'), from Key Vault or an app setting Web__TokenSigningKey.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured.Trim());
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"{WebOptions.SectionName}:TokenSigningKey is not Base64.", ex);
        }

        return key.Length >= MinimumBytes
            ? key
            : throw new InvalidOperationException($"{WebOptions.SectionName}:TokenSigningKey is {key.Length} bytes; it needs at least {MinimumBytes}.");
    }
}
