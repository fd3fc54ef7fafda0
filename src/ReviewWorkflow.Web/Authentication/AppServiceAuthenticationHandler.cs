using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReviewWorkflow.Web.Authentication;

/// <summary>
/// Signs in from App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header. Registered only when App Service
/// Authentication is on (<see cref="WebOptions.AppServiceAuthentication"/>), because only then does the platform strip
/// the header from what clients send. No header: anonymous. A malformed header fails authentication.
/// </summary>
internal sealed class AppServiceAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>False: the header is ignored (anyone can send it when App Service Authentication is not in front).</summary>
    public bool Enabled { get; set; }
}

internal sealed class AppServiceAuthenticationHandler(
    IOptionsMonitor<AppServiceAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<WebOptions> web)
    : AuthenticationHandler<AppServiceAuthenticationOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Options.Enabled || !Request.Headers.TryGetValue(AppServicePrincipal.HeaderName, out var value))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (AppServicePrincipal.TryParse(value) is not { } principal)
        {
            return Task.FromResult(AuthenticateResult.Fail($"The {AppServicePrincipal.HeaderName} header is not Base64 JSON with claims."));
        }

        var identity = principal.ToIdentity(principal.AuthenticationType ?? Scheme.Name, web.Value.RoleGroups);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // Pages go to App Service's own login endpoint; the API answers 401 (problem details from the status code pages).
        if (WebPaths.IsApi(Request.Path) || !Options.Enabled)
        {
            Response.StatusCode = 401;
        }
        else
        {
            Response.Redirect("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(Request.PathBase + Request.Path + Request.QueryString));
        }

        return Task.CompletedTask;
    }
}
