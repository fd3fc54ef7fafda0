using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ReviewWorkflow.Web.Consultees;
using ReviewWorkflow.Workflow.Responses;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Web.Pages.Respond;

/// <summary>
/// The consultee's form at their personal link: a view and a comment per pledge, other comments (the group's general
/// questions as prompts), "Save and come back later" and "Continue" to check and send. What they typed is always shown
/// again when something needs changing. A link that does not work says in plain words what to do next; a sent
/// response goes to the confirmation page (read-only).
/// </summary>
[EnableRateLimiting(ConsulteeRateLimiter.Policy)]
public sealed class RespondModel(ConsulteeResponseService service, ReviewWorkflow.Web.Privacy.PrivacyNotice privacy) : PageModel
{
    /// <summary>The privacy notice shown with the form (plain words for children and young people).</summary>
    public ReviewWorkflow.Web.Privacy.PrivacyNotice Privacy => privacy;

    public ConsulteeOpening Opening { get; private set; } = new(OpeningState.Invalid);

    public ConsulteeWording Wording => Opening.Wording;

    [BindProperty]
    public ResponseInput Input { get; set; } = new();

    /// <summary>Just saved ("come back later").</summary>
    public bool Saved { get; private set; }

    /// <summary>A sentence shown in an important banner (someone else saved meanwhile; the consultation closed).</summary>
    public string? Notice { get; private set; }

    /// <summary>The other version when someone saved meanwhile.</summary>
    public ResponseContent? OtherVersion { get; private set; }

    /// <summary>When the link does not work: heading and what to do next.</summary>
    public (string Heading, IReadOnlyList<string> Paragraphs)? LinkProblem { get; private set; }

    /// <summary>What was typed into a form whose link stopped working, shown so it can be copied.</summary>
    public ResponseInput? Unsent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, bool saved, CancellationToken cancellationToken)
    {
        Opening = await service.OpenAsync(token, HttpContext, cancellationToken).ConfigureAwait(false);
        if (!Opening.IsOpen)
        {
            return LinkNotOpen();
        }

        if (Opening.Submitted)
        {
            return RedirectToPage("Sent", new { token });
        }

        Saved = saved && Opening.Response is not null;
        Input = ResponseInput.From(Opening.Form!, Opening.Response?.Content, Opening.Response?.ETag);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Opening = await service.OpenAsync(token, HttpContext, cancellationToken).ConfigureAwait(false);
        if (!Opening.IsOpen)
        {
            Unsent = Input;
            return LinkNotOpen();
        }

        if (Opening.Submitted)
        {
            return RedirectToPage("Sent", new { token });
        }

        var form = Opening.Form!;
        Input.Fit(form.Pledges.Count);
        // A personal link posts no name (the field is not on its form); a shared link's name is checked with the answers.
        var savedBy = SharedLink.IsShared(form) ? Input.SavedBy ?? "" : null;
        if (SharedLink.Check(form, savedBy) is { } nameError)
        {
            ModelState.AddModelError(ResponseInput.SavedByKey, nameError.Message);
        }

        var content = ResponseForm.Read(Input, Wording, ModelState);
        if (content is null)
        {
            return Page();
        }

        var outcome = await service.SaveAsync(Opening, content, Input.ETag, savedBy, HttpContext.TraceIdentifier, cancellationToken).ConfigureAwait(false);
        switch (outcome.Kind)
        {
            case ResponseOutcomeKind.Saved:
                return Input.Action == ResponseInput.Save
                    ? RedirectToPage("Index", null, new { token, saved = true }, "saved")
                    : RedirectToPage("Check", new { token });
            case ResponseOutcomeKind.AlreadySubmitted:
                return RedirectToPage("Sent", new { token });
            case ResponseOutcomeKind.Invalid:
                ResponseForm.AddErrors(outcome.Errors ?? [], content, ModelState);
                return Page();
            case ResponseOutcomeKind.Conflict:
                // Keep what they typed; the next save replaces the other version, which is shown so nothing is lost.
                Notice = outcome.Message;
                OtherVersion = outcome.Conflict?.Stored.Content;
                Input.ETag = outcome.Conflict?.Stored.ETag;
                return Page();
            default:
                Notice = outcome.Message;
                return Page();
        }
    }

    public string ClosesText => Opening.Form is { } form ? Format(form.Closes) : "";

    private IActionResult LinkNotOpen()
    {
        if (Opening.State == OpeningState.RateLimited)
        {
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((Opening.RetryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var ended = Opening.ExpiresAt is { } at ? Format(DateOnly.FromDateTime(at.UtcDateTime.AddTicks(-1))) : null;
        (LinkProblem, Response.StatusCode) = Opening.State switch
        {
            OpeningState.Expired => (("This link has run out", (IReadOnlyList<string>)[
                ended is null ? "The time to answer has ended." : $"The time to answer ended on {ended}.",
                "If you still want to say something, reply to the email that sent you this link."]), StatusCodes.Status410Gone),
            OpeningState.Revoked => (("This link does not work any more", [
                "You may have been sent a newer link. Look for the latest email from us.",
                "If you cannot find it, reply to the email that sent you this link."]), StatusCodes.Status410Gone),
            _ => (("This link does not work", [
                "Check you copied the whole link from the email. It is long.",
                "If it still does not work, reply to the email that sent you the link."]), StatusCodes.Status404NotFound),
        };
        return Page();
    }
}
