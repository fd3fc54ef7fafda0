using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReviewWorkflow.App.Authentication;

/// <summary>
/// The <c>X-MS-CLIENT-PRINCIPAL</c> header App Service Authentication adds to every authenticated request: Base64
/// JSON <c>{"auth_typ", "claims": [{"typ", "val"}], "name_typ", "role_typ"}</c>.
/// </summary>
public sealed record AppServicePrincipal(
    [property: JsonPropertyName("auth_typ")] string? AuthenticationType,
    [property: JsonPropertyName("claims")] IReadOnlyList<AppServiceClaim>? Claims,
    [property: JsonPropertyName("name_typ")] string? NameClaimType,
    [property: JsonPropertyName("role_typ")] string? RoleClaimType)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Entra ID puts app roles in claims of this type (as well as <see cref="RoleClaimType"/>).</summary>
    public const string AppRolesClaimType = "roles";

    /// <summary>Null when the header is not Base64 JSON of the expected shape.</summary>
    public static AppServicePrincipal? TryParse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var buffer = new byte[header.Length];
        if (!Convert.TryFromBase64String(header.Trim(), buffer, out var written))
        {
            return null;
        }

        try
        {
            var principal = JsonSerializer.Deserialize<AppServicePrincipal>(Encoding.UTF8.GetString(buffer, 0, written));
            return principal?.AuthenticationType is { Length: > 0 } ? principal : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A principal whose identity names the user by <see cref="NameClaimType"/> and whose roles (<see cref="ClaimTypes.Role"/>)
    /// are the values of <see cref="RoleClaimType"/> and <see cref="AppRolesClaimType"/> claims, lower-cased.
    /// </summary>
    public ClaimsPrincipal ToClaimsPrincipal()
    {
        var nameType = string.IsNullOrEmpty(NameClaimType) ? ClaimTypes.Name : NameClaimType;
        var roleType = string.IsNullOrEmpty(RoleClaimType) ? ClaimTypes.Role : RoleClaimType;
        var identity = new ClaimsIdentity(AuthenticationType, nameType, ClaimTypes.Role);
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in Claims ?? [])
        {
            if (string.IsNullOrEmpty(claim.Type) || claim.Value is null)
            {
                continue;
            }

            if (claim.Type == roleType || claim.Type == AppRolesClaimType || claim.Type == ClaimTypes.Role)
            {
#pragma warning disable CA1308 // Role names are compared in lower case (Roles constants); this is normalisation, not a comparison.
                roles.Add(claim.Value.ToLowerInvariant());
#pragma warning restore CA1308
            }
            else
            {
                identity.AddClaim(new Claim(claim.Type, claim.Value));
            }
        }

        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return new ClaimsPrincipal(identity);
    }
}

/// <summary>One claim of <see cref="AppServicePrincipal"/>.</summary>
public sealed record AppServiceClaim([property: JsonPropertyName("typ")] string? Type, [property: JsonPropertyName("val")] string? Value);
