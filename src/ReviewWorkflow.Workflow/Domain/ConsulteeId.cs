using System.Security.Cryptography;
using System.Text;

namespace ReviewWorkflow.Workflow.Domain;

/// <summary>Consultee ids: "c-" and 20 hex digits of SHA-256 over the normalised email address.</summary>
/// <remarks>Stable across restarts and safe as a table key (emails may hold '/', '#' or '?', keys may not);
/// the address itself stays out of keys and links.</remarks>
public static class ConsulteeId
{
    public static string For(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(EmailAddress.Normalise(email)));
        return "c-" + Convert.ToHexStringLower(hash)[..20];
    }
}
