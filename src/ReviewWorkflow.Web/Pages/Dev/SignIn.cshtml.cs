using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Directory;
using ReviewWorkflow.Directory.Local;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Web.Security;

namespace ReviewWorkflow.Web.Pages.Dev;

/// <summary>The development sign-in: 404 unless <see cref="LocalDevelopment.Allows"/>.</summary>
public sealed class SignInModel(IDirectory directory, IDataProtectionProvider dataProtection) : PageModel
{
    /// <summary>People with a role in the local directory (empty with Graph: then only the email field).</summary>
    public IReadOnlyList<Person> StaffUsers { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!LocalDevelopment.Allows(HttpContext))
        {
            return NotFound();
        }

        await LoadStaffAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!LocalDevelopment.Allows(HttpContext))
        {
            return NotFound();
        }

        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            ModelState.AddModelError(nameof(Email), "Enter the email address of someone in the local directory");
        }
        else if (await directory.FindPersonAsync(email, cancellationToken).ConfigureAwait(false) is not { } person)
        {
            ModelState.AddModelError(nameof(Email), "No one in the local directory has that email address");
        }
        else
        {
            Response.Cookies.Append(DevelopmentAuthenticationHandler.CookieName, DevelopmentAuthenticationHandler.Protect(dataProtection, person.Email), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                Path = "/",
                IsEssential = true,
            });
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        await LoadStaffAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }

    public IActionResult OnPostSignOut()
    {
        if (!LocalDevelopment.Allows(HttpContext))
        {
            return NotFound();
        }

        Response.Cookies.Delete(DevelopmentAuthenticationHandler.CookieName, new CookieOptions { Path = "/" });
        return LocalRedirect("/");
    }

    private async Task LoadStaffAsync(CancellationToken cancellationToken)
    {
        if (directory is LocalDirectory local)
        {
            var people = await local.GetPeopleAsync(cancellationToken).ConfigureAwait(false);
            StaffUsers = [.. people.Where(p => p.Roles.Any(r => WebRoles.Normalize(r) is not null))];
        }
    }
}
