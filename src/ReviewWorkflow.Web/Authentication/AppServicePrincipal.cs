using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReviewWorkflow.Web.Authentication;

/// <summary>
/// The <c>X-MS-CLIENT-PRINCIPAL</c> header App Service Authentication adds to each signed-in request: Base64 of
/// <c>{"auth_typ":"aad","claims":[{"typ":"...","val":"..."}],"name_typ":"...","role_typ":"..."}</c>.
/// </summary>
public sealed record AppServicePrincipal(
    [property: JsonPropertyName("auth_typ")] string? AuthenticationType,
    [property: JsonPropertyName("claims")] IReadOnlyList<AppServiceClaim>? Claims,
    [property: JsonPropertyName("name_typ")] string? NameClaimType,
    [property: JsonPropertyName("role_typ")] string? RoleClaimType)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Claim types that carry Entra app roles (short and long form).</summary>
    internal static readonly string[] RoleClaimTypes = ["roles", ClaimTypes.Role];

    /// <summary>Claim types that carry group object ids.</summary>
    internal static readonly string[] GroupClaimTypes = ["groups", "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"];

    /// <summary>Parses the header value; null when it is not Base64 JSON of the expected shape.</summary>
    public static AppServicePrincipal? TryParse(string? headerValue)
    {
        if (string.IsNullOrWhiteSpace(headerValue) || headerValue.Length > 64 * 1024)
        {
            return null;
        }

        try
        {
            var json = Convert.FromBase64String(headerValue.Trim());
            var principal = JsonSerializer.Deserialize<AppServicePrincipal>(Encoding.UTF8.GetString(json));
            return principal?.Claims is null ? null : principal;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The identity: every claim as sent, plus a <see cref="ClaimTypes.Role"/> claim for each of lead / clerk / admin
    /// granted by an app role (claim "roles" or the principal's role_typ) or by membership of a configured group.
    /// </summary>
    public ClaimsIdentity ToIdentity(string authenticationType, IReadOnlyDictionary<string, string[]> roleGroups)
    {
        ArgumentNullException.ThrowIfNull(roleGroups);
        var nameType = string.IsNullOrEmpty(NameClaimType) ? ClaimTypes.Name : NameClaimType;
        var identity = new ClaimsIdentity(authenticationType, nameType, ClaimTypes.Role);
        var claims = (Claims ?? []).Where(c => !string.IsNullOrEmpty(c.Type) && c.Value is not null).ToList();
        foreach (var claim in claims)
        {
            identity.AddClaim(new Claim(claim.Type!, claim.Value!));
        }

        var roleTypes = RoleClaimTypes.Append(RoleClaimType ?? "roles").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in claims.Where(c => roleTypes.Contains(c.Type!)))
        {
            if (WebRoles.Normalize(claim.Value) is { } role)
            {
                granted.Add(role);
            }
        }

        var groups = claims.Where(c => GroupClaimTypes.Contains(c.Type!, StringComparer.OrdinalIgnoreCase))
            .Select(c => c.Value!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (roleName, groupIds) in roleGroups)
        {
            if (WebRoles.Normalize(roleName) is { } role && (groupIds ?? []).Any(groups.Contains))
            {
                granted.Add(role);
            }
        }

        foreach (var role in granted.Where(r => !identity.HasClaim(ClaimTypes.Role, r)))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        // Pages show a name; Entra sends "name" and, for name_typ, usually the UPN/email claim.
        if (identity.FindFirst(nameType) is null && claims.FirstOrDefault(c => c.Type is "name" or "preferred_username") is { } fallback)
        {
            identity.AddClaim(new Claim(nameType, fallback.Value!));
        }

        return identity;
    }
}

public sealed record AppServiceClaim(
    [property: JsonPropertyName("typ")] string? Type,
    [property: JsonPropertyName("val")] string? Value);
