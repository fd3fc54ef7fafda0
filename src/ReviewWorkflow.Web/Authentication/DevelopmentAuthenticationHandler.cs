using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Directory;
using ReviewWorkflow.Web.Security;

namespace ReviewWorkflow.Web.Authentication;

/// <summary>
/// The local development sign-in: a person from the directory (local demo directory by default), chosen on
/// <c>/dev/sign-in</c> (a protected cookie) or named by scripts in an <c>X-Dev-User: email</c> header. Works only
/// when <see cref="LocalDevelopment.Allows"/> (Development environment, direct loopback request); otherwise it
/// ignores both and the request is anonymous. Roles come from the directory entry.
/// </summary>
internal sealed class DevelopmentAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDirectory directory,
    IDataProtectionProvider dataProtection)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string HeaderName = "X-Dev-User";
    public const string CookieName = "rw-dev-user";
    private const string Purpose = "ReviewWorkflow.Web.DevelopmentSignIn.v1";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[HeaderName].ToString();
        var cookie = Request.Cookies[CookieName];
        if (string.IsNullOrWhiteSpace(header) && string.IsNullOrEmpty(cookie))
        {
            return AuthenticateResult.NoResult();
        }

        if (!LocalDevelopment.Allows(Context))
        {
            Log.DevelopmentSignInRefused(Logger, Request.Path.Value ?? string.Empty);
            return AuthenticateResult.NoResult();
        }

        string? email;
        if (!string.IsNullOrWhiteSpace(header))
        {
            email = header.Trim();
        }
        else
        {
            email = Unprotect(cookie!);
            if (email is null)
            {
                return AuthenticateResult.Fail("The development sign-in cookie is not valid.");
            }
        }

        var person = await directory.FindPersonAsync(email, Context.RequestAborted).ConfigureAwait(false);
        if (person is null)
        {
            return AuthenticateResult.Fail($"No one in the directory has the email address '{email}'.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(ToPrincipal(person, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (WebPaths.IsApi(Request.Path) || !LocalDevelopment.Allows(Context))
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        var returnUrl = Request.PathBase + Request.Path + Request.QueryString;
        Response.Redirect(WebPaths.DevSignIn + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        return Task.CompletedTask;
    }

    internal static ClaimsPrincipal ToPrincipal(Person person, string scheme)
    {
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, person.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, person.DisplayName));
        identity.AddClaim(new Claim(ClaimTypes.Email, person.Email));
        foreach (var role in person.Roles.Select(WebRoles.Normalize).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return new ClaimsPrincipal(identity);
    }

    internal static string Protect(IDataProtectionProvider provider, string email)
        => provider.CreateProtector(Purpose).Protect(email);

    private string? Unprotect(string value)
    {
        try
        {
            return dataProtection.CreateProtector(Purpose).Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
