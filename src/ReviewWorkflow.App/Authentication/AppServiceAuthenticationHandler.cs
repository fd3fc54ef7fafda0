using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ReviewWorkflow.App.Authentication;

/// <summary>Options of the App Service Authentication scheme (section <c>Authentication:AppService</c>).</summary>
public sealed class AppServiceAuthenticationOptions : AuthenticationSchemeOptions
{
    public const string SectionName = "Authentication:AppService";

    /// <summary>
    /// Trust <c>X-MS-CLIENT-PRINCIPAL</c>. Only App Service Authentication may set it (it strips the header from
    /// client requests), so it is trusted only when that module runs in front of the app: by default when App
    /// Service says so (<c>WEBSITE_AUTH_ENABLED=True</c>). Anywhere else anyone could send the header.
    /// </summary>
    public bool Enabled { get; set; }
}

/// <summary>Signs the request in as the user App Service Authentication (Microsoft Entra ID) already authenticated.</summary>
public sealed class AppServiceAuthenticationHandler(
    IOptionsMonitor<AppServiceAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AppServiceAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "AppService";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Options.Enabled || !Request.Headers.TryGetValue(AppServicePrincipal.HeaderName, out var header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var principal = AppServicePrincipal.TryParse(header.ToString());
        if (principal is null)
        {
            return Task.FromResult(AuthenticateResult.Fail($"{AppServicePrincipal.HeaderName} is not a Base64 JSON client principal."));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal.ToClaimsPrincipal(), SchemeName)));
    }
}
