using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ReviewWorkflow.Web.Consultees;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Pages.Respond;

/// <summary>
/// Check your answers, then send. The page carries the version it showed (ETag) and a fresh idempotency key: a double
/// click sends once, and answers changed meanwhile in another window are shown again instead of being sent unseen.
/// </summary>
[EnableRateLimiting(ConsulteeRateLimiter.Policy)]
public sealed class CheckModel(ConsulteeResponseService service) : PageModel
{
    public const string AnswersKey = "answers";

    public ConsulteeOpening Opening { get; private set; } = new(OpeningState.Invalid);

    [BindProperty]
    public string? ETag { get; set; }

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    /// <summary>"Your name" on a partner's shared link: who sends it (filled in with whoever saved last).</summary>
    [BindProperty]
    public string? SavedBy { get; set; }

    public const string SavedByKey = nameof(SavedBy);

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Opening = await service.OpenAsync(token, HttpContext, cancellationToken).ConfigureAwait(false);
        if (Elsewhere(token) is { } elsewhere)
        {
            return elsewhere;
        }

        ETag = Opening.Response?.ETag;
        IdempotencyKey = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        SavedBy = SharedLink.IsShared(Opening.Form!) ? Opening.Response?.Contributors.OrderByDescending(c => c.LastSavedAt).FirstOrDefault()?.Name : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Opening = await service.OpenAsync(token, HttpContext, cancellationToken).ConfigureAwait(false);
        if (Opening is { IsOpen: true, Submitted: true })
        {
            // A repeat of this page's own submission (double click, retry) ends on the same confirmation.
            return RedirectToPage("Sent", new { token });
        }

        if (Elsewhere(token) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Opening.Response?.ETag != ETag)
        {
            Notice = Opening.Wording.IsPlain
                ? "Your answers changed since you opened this page. Check them again, then send them."
                : "Your answers were changed since this page was opened (perhaps in another window). Check them again before sending.";
            ETag = Opening.Response?.ETag;
            return Page();
        }

        var savedBy = SharedLink.IsShared(Opening.Form!) ? SavedBy ?? "" : null;
        var outcome = await service.SubmitAsync(Opening, ETag, null, IdempotencyKey, savedBy, HttpContext.TraceIdentifier, cancellationToken).ConfigureAwait(false);
        switch (outcome.Kind)
        {
            case ResponseOutcomeKind.Submitted:
            case ResponseOutcomeKind.AlreadySubmitted:
                return RedirectToPage("Sent", new { token });
            case ResponseOutcomeKind.Invalid:
                foreach (var error in outcome.Errors ?? [])
                {
                    ModelState.AddModelError(error.Field == SharedLink.Field ? SavedByKey : AnswersKey, error.Message);
                }

                return Page();
            default:
                Notice = outcome.Message;
                return Page();
        }
    }

    private RedirectToPageResult? Elsewhere(string token)
    {
        if (!Opening.IsOpen)
        {
            return RedirectToPage("Index", new { token });
        }

        return Opening.Submitted ? RedirectToPage("Sent", new { token }) : null;
    }
}
