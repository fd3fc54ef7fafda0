using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ReviewWorkflow.Web.Consultees;

namespace ReviewWorkflow.Web.Pages.Respond;

/// <summary>The confirmation, and what the personal link shows from then on: what was sent (read-only) and what happens next.</summary>
[EnableRateLimiting(ConsulteeRateLimiter.Policy)]
public sealed class SentModel(ConsulteeResponseService service) : PageModel
{
    public ConsulteeOpening Opening { get; private set; } = new(OpeningState.Invalid);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Opening = await service.OpenAsync(token, HttpContext, cancellationToken).ConfigureAwait(false);
        return Opening is { IsOpen: true, Submitted: true } ? Page() : RedirectToPage("Index", new { token });
    }
}
