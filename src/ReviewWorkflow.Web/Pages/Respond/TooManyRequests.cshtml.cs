using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ReviewWorkflow.Web.Pages.Respond;

/// <summary>
/// The readable 429 page. Only the consultee pages are rate limited; the status code pages re-execute a 429 at
/// <c>/error/429</c>, and this literal route wins over the general <c>/error/{code}</c> page. Any method: a refused
/// form post is re-executed as a POST. The browser's Back button returns to the form with what was typed.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class TooManyRequestsModel : PageModel
{
    public int? Seconds { get; private set; }

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    private PageResult Show()
    {
        Seconds = int.TryParse(Response.Headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }
}
